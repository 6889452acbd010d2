import Foundation

/// Totals that the parallel writers of `CorpusGenerator.write(to:)` add to,
/// behind a lock, with the first error any of them met.
final class WriteTally: @unchecked Sendable {
    private let lock = NSLock()
    private var bytesStorage = 0
    private var damagedStorage = 0
    private var errorStorage: (any Error)?

    /// Bytes written so far.
    var bytes: Int { lock.withLock { bytesStorage } }
    /// Damaged pages written so far.
    var damaged: Int { lock.withLock { damagedStorage } }
    /// The first error a writer reported, if any.
    var error: (any Error)? { lock.withLock { errorStorage } }
    /// Whether a writer has failed (the others then stop early).
    var hasFailed: Bool { lock.withLock { errorStorage != nil } }

    /// Adds one writer's totals.
    func add(bytes: Int, damaged: Int) {
        lock.withLock {
            bytesStorage += bytes
            damagedStorage += damaged
        }
    }

    /// Records an error unless one is already recorded.
    func fail(_ error: any Error) {
        lock.withLock {
            if errorStorage == nil { errorStorage = error }
        }
    }
}
