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

/// A 128-bit hash that is the same on every run and machine: two 64-bit
/// lanes, each folding every 8-byte word in with a full-width multiply (as
/// wyhash does), so that a difference in any bit of a word reaches every
/// bit of the lane. (A plain multiply only carries differences upwards: page
/// paths that differ in a few digits then collide.)
struct WideHasher {
    private var first: UInt64
    private var second: UInt64

    init(seed: UInt64) {
        first = 0x9E37_79B9_7F4A_7C15 ^ seed
        second = 0xC2B2_AE3D_27D4_EB4F &+ seed
    }

    /// Adds the eight bytes of `word`.
    mutating func add(_ word: UInt64) {
        first = Self.fold(first ^ word, 0xA076_1D64_78BD_642F)
        second = Self.fold(second ^ (word << 32 | word >> 32), 0xE703_7ED1_A0B4_28DB)
    }

    /// Adds `date` as one word: its year, month and day side by side.
    mutating func add(_ date: EventDate) {
        add(UInt64(bitPattern: Int64(date.year)) << 16 | UInt64(date.month) << 8 | UInt64(date.day))
    }

    /// Adds the UTF-8 bytes of `text` and its length. A native string's
    /// bytes are read where they are: copying it to reach them retained and
    /// released the string, which both cores did for the strings they share.
    mutating func add(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) != nil { return }
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Adds `raw`, eight bytes at a time, and its length.
    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= raw.count {
            add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in stride(from: raw.count - 1, through: offset, by: -1) { tail = tail << 8 | UInt64(raw[index]) }
        add(tail)
        add(UInt64(raw.count))
    }

    /// The hash of everything added.
    var value: (UInt64, UInt64) {
        (Self.fold(first ^ 0x8EBC_6AF0_9C88_C6E3, second ^ 0x5899_65CC_7537_4CC3), Self.fold(second, first))
    }

    /// The two halves of the 128-bit product of `left` and `right`, xored.
    private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let (high, low) = left.multipliedFullWidth(by: right)
        return high ^ low
    }
}
