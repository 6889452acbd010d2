import Foundation

/// Keeps one copy of the strings many pages repeat: the paths, link texts
/// and context lists of Related entries (a much-linked event is named by
/// hundreds of pages). A large corpus then holds each of them once.
///
/// Guarded by an `NSLock` (a pthread mutex) rather than a Synchronization
/// `Mutex`, whose contended path ThreadSanitizer cannot see on Linux.
final class StringPool: @unchecked Sendable {
    private let lock = NSLock()
    private var strings: Set<BytewiseKey> = []

    /// The pool's copy of `string`, which becomes the pool's copy if it had none.
    func intern(_ string: String) -> String {
        // Short strings live inside the String value itself: nothing to share.
        guard string.utf8.count > 15 else { return string }
        return lock.withLock { strings.insert(BytewiseKey(string)).memberAfterInsert.string }
    }
}
