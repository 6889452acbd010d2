import Foundation

/// Maps over a collection on every core, keeping the input order.
///
/// With `FEEDPUB_THREADS=1` in the environment, everything runs on the
/// calling thread: a build then is single-threaded, which the tests use to
/// check that the parallel build gives the same bytes.
enum ParallelMap {
    /// `transform` applied to each element of `items`, in order. Work is cut
    /// into chunks so that threads share it evenly and results stay ordered.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], chunkSize: Int = 64, _ transform: @Sendable (T) throws -> R
    ) rethrows -> [R] {
        guard items.count > chunkSize, !isSingleThreaded else { return try items.map(transform) }
        let chunks = (items.count + chunkSize - 1) / chunkSize
        // One slot per chunk, written only by that chunk's iteration, so no
        // lock is needed; concurrentPerform returns only after every iteration
        // has, which orders the writes before the reads below. (A Mutex here
        // made ThreadSanitizer report false races on Linux: its contended path
        // is a futex call that TSan does not see.)
        var results = [Result<[R], Error>?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = chunk * chunkSize..<min(items.count, (chunk + 1) * chunkSize)
                slots[chunk] = Result { try items[range].map(transform) }
            }
        }
        return try results.withUnsafeBufferPointer { finished in
            var output: [R] = []
            output.reserveCapacity(items.count)
            for result in finished { output += try result!.get() }
            return output
        }
    }

    /// Whether `FEEDPUB_THREADS` is `1`.
    private static var isSingleThreaded: Bool {
        getenv("FEEDPUB_THREADS").map { String(cString: $0) == "1" } ?? false
    }
}
