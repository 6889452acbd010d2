/// A hash that is the same on every run and machine (Swift's `Hasher` is
/// seeded per process).
public enum StableHash {
    /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(bytes: text.utf8)
    }

    /// 64-bit FNV-1a of `bytes`.
    public static func fnv1a(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01b3
        }
        return hash
    }
}

/// Feeds strings and numbers into a 64-bit FNV-1a hash, with a separator
/// after each so that `("ab", "c")` and `("a", "bc")` differ.
public struct StableHasher {
    /// The hash of everything added so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A hasher with nothing added.
    public init() {}

    /// Adds the UTF-8 bytes of `text`.
    public mutating func add(_ text: String) {
        let bytes = text.utf8.span
        var hash = value
        for index in bytes.indices {
            hash ^= UInt64(bytes[index])
            hash = hash &* 0x0100_0000_01b3
        }
        value = hash
        mix(0xFF)
    }

    /// Adds the eight bytes of `number`.
    public mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
        mix(0xFF)
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0100_0000_01b3
    }
}
