import Foundation

/// Every topic name of a corpus: how names compare, which aliases join them,
/// and which spelling readers see.
struct TopicBook {
    private var aliasTargets: [String: String] = [:]
    private var fixedNames: [String: String] = [:]
    private var spellings: [String: [String: Int]] = [:]
    /// Keys of spellings seen so far: folding and NFC are costly, and a corpus
    /// repeats a few thousand spellings millions of times.
    private var keys: [BytewiseKey: String] = [:]

    /// A book that maps each alias (any case) to its canonical name.
    init(aliases: [String: String]) {
        for (alias, canonical) in aliases.sorted(by: { $0.key < $1.key }) {
            let name = PageText.foldingWhitespace(canonical).precomposedStringWithCanonicalMapping
            let target = Self.key(name)
            aliasTargets[Self.key(alias)] = target
            fixedNames[target] = name
        }
    }

    /// The comparison key of a name: whitespace folded, NFC, lowercased.
    static func key(_ name: String) -> String {
        let folded = PageText.foldingWhitespace(name)
        // ASCII text is already in NFC; normalizing is the costly part.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return folded.lowercased() }
        return folded.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The key of the topic `name` stands for, after aliases.
    func canonicalKey(_ name: String) -> String {
        if let known = keys[BytewiseKey(name)] { return known }
        let key = Self.key(name)
        return aliasTargets[key] ?? key
    }

    /// Records `count` uses of `name`; returns its topic's key.
    @discardableResult
    mutating func record(_ name: String, count: Int = 1) -> String {
        let key = canonicalKey(name)
        keys[BytewiseKey(name)] = key
        spellings[key, default: [:]][name, default: 0] += count
        return key
    }

    /// Whether `key` is the key of a topic recorded so far.
    func hasKey(_ key: String) -> Bool {
        spellings[key] != nil
    }

    /// Every spelling recorded, with its uses: a book with the same aliases
    /// that records them all again is this one.
    var recordedSpellings: [(name: String, count: Int)] {
        spellings.values.flatMap { $0.map { ($0.key, $0.value) } }
    }

    /// Whether `name` names a topic recorded so far.
    func contains(_ name: String) -> Bool {
        if keys[BytewiseKey(name)] != nil { return true }
        if let hash = Self.asciiKeyHash(name), !asciiKeyHashes.contains(hash) { return false }
        return spellings[canonicalKey(name)] != nil
    }

    /// Hashes of the keys of every ASCII topic name: most candidate story
    /// prefixes are not topics, and this rules them out without building a key.
    private var asciiKeyHashes: Set<UInt64> = []

    /// Readies ``contains(_:)`` once every name is recorded.
    mutating func seal() {
        asciiKeyHashes = Set(spellings.keys.compactMap(Self.asciiKeyHash))
        for (alias, target) in aliasTargets where spellings[target] != nil {
            if let hash = Self.asciiKeyHash(alias) { asciiKeyHashes.insert(hash) }
        }
    }

    /// FNV-1a of the lowercased bytes of an ASCII name with single inner
    /// spaces (the key of such a name); nil for any other name.
    private static func asciiKeyHash(_ name: String) -> UInt64? {
        let bytes = name.utf8.span
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var previous: UInt8 = 0x20
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 || byte < 0x20 || (byte == 0x20 && previous == 0x20) { return nil }
            hash ^= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            hash = hash &* 0x0100_0000_01b3
            previous = byte
        }
        return previous == 0x20 ? nil : hash
    }

    /// The key of every topic recorded, in code point order.
    var sortedKeys: [String] {
        spellings.keys.sorted()
    }

    /// The name readers see for `key`: the alias target as configured, else
    /// the most used spelling (ties: the first in code point order).
    func displayName(_ key: String) -> String {
        if let fixed = fixedNames[key] { return fixed }
        guard let uses = spellings[key] else { return key }
        var counts: [String: Int] = [:]
        for (name, count) in uses {
            counts[PageText.foldingWhitespace(name).precomposedStringWithCanonicalMapping, default: 0] += count
        }
        return counts.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }!.key
    }
}
