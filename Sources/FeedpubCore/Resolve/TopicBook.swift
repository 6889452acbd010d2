import Foundation

/// Every topic name of a corpus: how names compare, which aliases join them,
/// and which spelling readers see.
struct TopicBook {
    private var aliasTargets: [String: String] = [:]
    private var fixedNames: [String: String] = [:]
    private var spellings: [String: [String: Int]] = [:]

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
        PageText.foldingWhitespace(name).precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The key of the topic `name` stands for, after aliases.
    func canonicalKey(_ name: String) -> String {
        let key = Self.key(name)
        return aliasTargets[key] ?? key
    }

    /// Records one use of `name`; returns its topic's key.
    @discardableResult
    mutating func record(_ name: String) -> String {
        let key = canonicalKey(name)
        let spelling = PageText.foldingWhitespace(name).precomposedStringWithCanonicalMapping
        spellings[key, default: [:]][spelling, default: 0] += 1
        return key
    }

    /// Whether `name` names a topic recorded so far.
    func contains(_ name: String) -> Bool {
        spellings[canonicalKey(name)] != nil
    }

    /// The name readers see for `key`: the alias target as configured, else
    /// the most used spelling (ties: the first in code point order).
    func displayName(_ key: String) -> String {
        if let fixed = fixedNames[key] { return fixed }
        guard let uses = spellings[key] else { return key }
        return uses.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }!.key
    }
}
