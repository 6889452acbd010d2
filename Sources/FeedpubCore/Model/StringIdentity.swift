/// A string's identity: the two machine words of the `String` value, which
/// hold either the string itself (up to 15 UTF-8 bytes) or its length and
/// the address of its storage.
///
/// Two strings with the same identity are the same string, so a dictionary
/// keyed by identity counts and finds the strings many pages share (one copy
/// each, from the page cache's string table or the parser's ``StringPool``)
/// by hashing 16 bytes, without reading or retaining the text. Two equal
/// strings may still have different identities (two copies of the text):
/// callers go on by ``BytewiseKey`` for the few distinct strings left.
///
/// An identity stands for its string only while that string is alive:
/// storage freed can be reused for another string of the same length.
struct StringIdentity: Hashable, Sendable {
    /// The two words.
    let words: (UInt64, UInt64)

    /// The identity of `string`, which must outlive every use of it.
    init(_ string: String) {
        words = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }

    /// The identity whose words are `words`.
    init(words: (UInt64, UInt64)) {
        self.words = words
    }

    static func == (left: Self, right: Self) -> Bool {
        left.words == right.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}
