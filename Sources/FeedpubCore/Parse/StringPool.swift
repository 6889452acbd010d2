import Foundation

/// Keeps one copy of the strings many pages repeat: the paths, link texts
/// and context lists of Related entries (a much-linked event is named by
/// hundreds of pages). A large corpus then holds each of them once.
///
/// The strings are kept in 16 parts, each with its own lock, so that the
/// threads parsing pages seldom wait for each other. Each part is guarded
/// by an `NSLock` (a pthread mutex) rather than a Synchronization `Mutex`,
/// whose contended path ThreadSanitizer cannot see on Linux.
final class StringPool: @unchecked Sendable {
    private let parts: [Part]

    /// A pool for about `capacity` distinct strings: sized up front, it
    /// never stops to hash its strings again while a parsing thread waits.
    init(capacity: Int = 0) {
        parts = (0..<16).map { _ in Part(capacity: capacity / 16) }
    }

    /// The pool's copy of `string`, which becomes the pool's copy if it had none.
    func intern(_ string: String) -> String {
        // Short strings live inside the String value itself: nothing to share.
        let bytes = string.utf8.span
        guard bytes.count > 15 else { return string }
        // The part, by the length and a byte from the middle (paths share
        // their first and last bytes).
        let part = parts[(bytes.count &+ Int(bytes[bytes.count / 2])) & 15]
        return part.lock.withLock { part.strings.insert(BytewiseKey(string)).memberAfterInsert.string }
    }

    private final class Part {
        let lock = NSLock()
        var strings: Set<BytewiseKey> = []

        init(capacity: Int) {
            strings.reserveCapacity(capacity)
        }
    }
}
