import Foundation

/// Work done on a thread of its own while the caller goes on, then waited
/// for: the page cache is written while events are resolved, which is
/// mostly the work of one core.
///
/// A plain POSIX thread and `pthread_join`, which ThreadSanitizer sees as
/// ordering everything the work did before whatever follows the wait.
final class BackgroundTask: @unchecked Sendable {
    private var thread = pthread_t()
    private let work: @Sendable () -> String?
    private var message: String?
    private var finished = false
    private var started = false

    /// Starts `work`, which returns a message or nil; if no thread can be
    /// had, ``wait()`` does the work.
    init(_ work: @escaping @Sendable () -> String?) {
        self.work = work
        let box = Unmanaged.passRetained(self).toOpaque()
        started =
            pthread_create(
                &thread, nil,
                { raw in
                    let task = Unmanaged<BackgroundTask>.fromOpaque(raw!).takeRetainedValue()
                    task.message = task.work()
                    task.finished = true
                    return nil
                }, box) == 0
        if !started { Unmanaged<BackgroundTask>.fromOpaque(box).release() }
    }

    /// Waits for the work to finish; returns its message.
    func wait() -> String? {
        if started {
            pthread_join(thread, nil)
            started = false
        }
        if !finished {
            message = work()
            finished = true
        }
        return message
    }
}
