import Foundation

/// A value shared between threads behind an `NSLock`. (Synchronization's
/// `Mutex` works as well, but ThreadSanitizer cannot see its contended path
/// on Linux and reports races that are not there.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock.
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}
