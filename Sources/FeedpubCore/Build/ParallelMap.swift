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
        try map(items, chunkSize: chunkSize, context: {}) { _, item in try transform(item) }
    }

    /// `transform` applied to each element of `items`, in order, with a
    /// `context` that `makeContext` makes once for each chunk: for what is
    /// costly to make and must not be shared between threads, such as a
    /// libxml2 writer (making one and its buffers for each entry took longer
    /// than writing the entry).
    static func map<T: Sendable, R: Sendable, Context>(
        _ items: [T], chunkSize: Int = 64, context makeContext: @Sendable () throws -> Context,
        _ transform: @Sendable (Context, T) throws -> R
    ) rethrows -> [R] {
        guard items.count > chunkSize, !isSingleThreaded else {
            guard !items.isEmpty else { return [] }
            let context = try makeContext()
            return try items.map { try transform(context, $0) }
        }
        let chunks = (items.count + chunkSize - 1) / chunkSize
        // Each chunk fills its own part of the result in place, and records
        // how far it got and why it stopped in its own slots, so no lock is
        // needed; concurrentPerform returns only after every iteration has,
        // which orders the writes before the reads below. (A Mutex here made
        // ThreadSanitizer report false races on Linux: its contended path is
        // a futex call that TSan does not see.) Filling in place, rather than
        // joining per-chunk arrays, saves copying (and retaining) every result.
        var filled = [Int](repeating: 0, count: chunks)
        var failures = [Error?](repeating: nil, count: chunks)
        let output = [R](unsafeUninitializedCapacity: items.count) { buffer, count in
            filled.withUnsafeMutableBufferPointer { filled in
                failures.withUnsafeMutableBufferPointer { failures in
                    nonisolated(unsafe) let (results, reached, errors) = (buffer, filled, failures)
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        do {
                            let context = try makeContext()
                            for index in chunk * chunkSize..<min(items.count, (chunk + 1) * chunkSize) {
                                (results.baseAddress! + index).initialize(to: try transform(context, items[index]))
                                reached[chunk] += 1
                            }
                        } catch {
                            errors[chunk] = error
                        }
                    }
                }
            }
            if failures.contains(where: { $0 != nil }) {
                for (chunk, reached) in filled.enumerated() {
                    (buffer.baseAddress! + chunk * chunkSize).deinitialize(count: reached)
                }
                count = 0
            } else {
                count = items.count
            }
        }
        // Rethrown through a closure, as a rethrowing function may only
        // throw what its argument threw.
        try failures.withUnsafeBufferPointer { failures in
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
        return output
    }

    private static var isSingleThreaded: Bool {
        getenv("FEEDPUB_THREADS").map { String(cString: $0) == "1" } ?? false
    }
}
