/// Numbers by string identity (see ``StringIdentity``): an open-addressing
/// table with a multiply hash. Writing the page cache of 100,000 pages looks
/// up two million identities; a `Dictionary`, which hashes each key with
/// SipHash and keeps it in a generic table, took most of a second.
struct IdentityNumbers {
    /// The identities and their numbers; `UInt32.max` marks an empty slot.
    private var firsts: [UInt64]
    private var seconds: [UInt64]
    private var numbers: [UInt32]
    private var shift: Int
    private(set) var count = 0

    /// A table with room for `capacity` identities before it grows.
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        firsts = [UInt64](repeating: 0, count: 1 << bits)
        seconds = firsts
        numbers = [UInt32](repeating: .max, count: 1 << bits)
        shift = 64 - bits
    }

    /// The number of `identity`, if it has one.
    func number(of identity: StringIdentity) -> UInt32? {
        var slot = slot(of: identity)
        while numbers[slot] != .max {
            if firsts[slot] == identity.words.0 && seconds[slot] == identity.words.1 { return numbers[slot] }
            slot = (slot + 1) & (numbers.count - 1)
        }
        return nil
    }

    /// Gives `identity`, which has no number yet, the number `number`.
    mutating func insert(_ identity: StringIdentity, number: UInt32) {
        if 2 * (count + 1) > numbers.count { grow() }
        var slot = slot(of: identity)
        while numbers[slot] != .max { slot = (slot + 1) & (numbers.count - 1) }
        firsts[slot] = identity.words.0
        seconds[slot] = identity.words.1
        numbers[slot] = number
        count += 1
    }

    private func slot(of identity: StringIdentity) -> Int {
        let (high, low) = (identity.words.0 ^ (identity.words.1 &* 0x9E37_79B9_7F4A_7C15))
            .multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return Int(truncatingIfNeeded: (high ^ low) >> UInt64(shift))
    }

    private mutating func grow() {
        var larger = IdentityNumbers(capacity: numbers.count)
        for slot in numbers.indices where numbers[slot] != .max {
            larger.insert(StringIdentity(words: (firsts[slot], seconds[slot])), number: numbers[slot])
        }
        self = larger
    }
}
