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

    static func == (left: Self, right: Self) -> Bool {
        var left = left.string
        var right = right.string
        return left.withUTF8 { a in
            right.withUTF8 { b in
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
