@testable import FeedpubCore
import Testing

@Suite("Mapping on both cores")
struct ParallelMapTests {
    struct Failure: Error, Equatable {
        let item: Int
    }

    /// A result that counts how many of its kind are alive.
    final class Tracked: Sendable {
        static let alive = Locked(0)
        let value: Int

        init(_ value: Int) {
            self.value = value
            Self.alive.withLock { $0 += 1 }
        }

        deinit { Self.alive.withLock { $0 -= 1 } }
    }

    @Test("results come back in the order of the items, whatever the chunk size")
    func order() {
        let items = Array(0..<10_000)
        for chunkSize in [1, 7, 64, 4_096, 20_000] {
            #expect(ParallelMap.map(items, chunkSize: chunkSize) { $0 * 3 } == items.map { $0 * 3 }, "chunk size \(chunkSize)")
        }
    }

    /// A context that knows which item it was first used for.
    final class Context: @unchecked Sendable {
        var first: Int?
    }

    @Test("each chunk makes one context and uses it for its items alone, in order")
    func contexts() {
        let items = Array(0..<1_000)
        for chunkSize in [1, 64, 300, 5_000] {
            let made = Locked(0)
            let results = ParallelMap.map(items, chunkSize: chunkSize, context: { () -> Context in
                made.withLock { $0 += 1 }
                return Context()
            }) { context, item -> Int in
                if context.first == nil { context.first = item }
                return context.first!
            }
            // Every item sees the first item of its chunk.
            #expect(results == items.map { $0 - $0 % min(chunkSize, items.count) }, "chunk size \(chunkSize)")
            #expect(made.withLock { $0 } == (items.count + chunkSize - 1) / chunkSize, "chunk size \(chunkSize)")
        }
    }

    @Test("an item that fails stops the map with its error, and every result made is let go")
    func failure() {
        let items = Array(0..<5_000)
        #expect(throws: Failure(item: 1_234)) {
            _ = try ParallelMap.map(items, chunkSize: 100) { item -> Tracked in
                if item == 1_234 || item == 4_321 { throw Failure(item: item) }
                return Tracked(item)
            }
        }
        #expect(Tracked.alive.withLock { $0 } == 0)
    }
}
