import Dispatch

/// Work done on another thread while the build goes on (writing a file,
/// checking a checksum), and what it gave, once it is done.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set by the work, read only after `group` says it is done.
    private var value: Value?

    /// Starts `work`.
    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { self.value = work() }
    }

    /// Waits for the work to be done; returns what it gave.
    func finish() -> Value {
        group.wait()
        return value!
    }
}
