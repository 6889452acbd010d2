import Dispatch
import Synchronization

/// Maps over a collection on every core, keeping the input order.
enum ParallelMap {
    /// `transform` applied to each element of `items`, in order. Work is cut
    /// into chunks so that threads share it evenly and results stay ordered.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], chunkSize: Int = 64, _ transform: @Sendable (T) throws -> R
    ) rethrows -> [R] {
        guard items.count > chunkSize else { return try items.map(transform) }
        let chunks = (items.count + chunkSize - 1) / chunkSize
        let results = Mutex<[Int: Result<[R], Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = chunk * chunkSize..<min(items.count, (chunk + 1) * chunkSize)
            let outcome = Result { try items[range].map(transform) }
            results.withLock { $0[chunk] = outcome }
        }
        return try results.withLock { finished in
            var output: [R] = []
            output.reserveCapacity(items.count)
            for chunk in 0..<chunks { output += try finished[chunk]!.get() }
            return output
        }
    }
}
