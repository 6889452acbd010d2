import Foundation

/// A string that hashes and compares by its UTF-8 bytes.
///
/// `String` hashes and compares by canonical equivalence, so every non-ASCII
/// string it hashes is normalized first; with millions of Related entries in
/// sets and dictionaries, that was a large part of parsing and resolving.
/// Byte equality is also what sharing copies needs: a pool keyed by `String`
/// could hand back a canonically equal string with other bytes.
struct BytewiseKey: Hashable, Sendable {
    /// The string.
    let string: String

    /// The key of `string`.
    init(_ string: String) {
        self.string = string
    }

    // Both read the bytes in place. Copying the strings to call `withUTF8`
    // retained and released each of them, every time a set or dictionary
    // of keys compared or hashed one: most of what interning Related
    // entries took.
    static func == (left: Self, right: Self) -> Bool {
        let a = left.string.utf8.span
        let b = right.string.utf8.span
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { a in b.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) {
        string.utf8.span.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
