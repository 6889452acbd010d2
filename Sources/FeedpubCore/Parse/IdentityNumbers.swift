/// Numbers by string identity (see ``StringIdentity``): an open-addressing
/// table with a multiply hash. Writing the page cache of 100,000 pages looks
/// up two million identities; a `Dictionary`, which hashes each key with
/// SipHash and keeps keys and numbers apart, took a quarter of a second
/// longer.
struct IdentityNumbers {
    /// An identity and its number, in one place, so that a lookup reads
    /// one cache line; `number` is `UInt32.max` in an empty slot.
    private struct Slot {
        var first: UInt64 = 0
        var second: UInt64 = 0
        var number = UInt32.max
    }

    private var slots: [Slot]
    private var shift: Int
    private(set) var count = 0

    /// A table with room for `capacity` identities before it grows.
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        slots = [Slot](repeating: Slot(), count: 1 << bits)
        shift = 64 - bits
    }

    /// The number of `identity`, if it has one.
    func number(of identity: StringIdentity) -> UInt32? {
        var index = index(of: identity)
        while slots[index].number != .max {
            if slots[index].first == identity.words.0 && slots[index].second == identity.words.1 {
                return slots[index].number
            }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Gives `identity`, which has no number yet, the number `number`.
    mutating func insert(_ identity: StringIdentity, number: UInt32) {
        if 2 * (count + 1) > slots.count { grow() }
        var index = index(of: identity)
        while slots[index].number != .max { index = (index + 1) & (slots.count - 1) }
        slots[index] = Slot(first: identity.words.0, second: identity.words.1, number: number)
        count += 1
    }

    private func index(of identity: StringIdentity) -> Int {
        let (high, low) = (identity.words.0 ^ (identity.words.1 &* 0x9E37_79B9_7F4A_7C15))
            .multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return Int(truncatingIfNeeded: (high ^ low) >> UInt64(shift))
    }

    private mutating func grow() {
        var larger = IdentityNumbers(capacity: slots.count)
        for slot in slots where slot.number != .max {
            larger.insert(StringIdentity(words: (slot.first, slot.second)), number: slot.number)
        }
        self = larger
    }
}
