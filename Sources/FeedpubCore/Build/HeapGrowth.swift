import CHeap
import Foundation

/// How far the C heap grows at a time while a build makes most of its
/// objects: reading the pages or the page cache, reading the last
/// resolution and bringing it up to date (hundreds of thousands of strings
/// and arrays, made on both cores).
///
/// glibc grows each thread's heap by what an allocation needs plus
/// `M_TOP_PAD` (128 KB by default), one `mprotect` at a time, and each call
/// holds up the other core's page faults while it changes the address
/// space. Growing by 64 MB there made one-day rebuilds at 100,000 pages
/// 1.71 to 2.16 s (median 1.93 s) against 1.88 to 2.12 s (2.0 s), six
/// rounds each, alternating. The default is put back for a full resolve
/// and for rendering: padding the whole build (`MALLOC_TOP_PAD_`) added 25
/// to 45 MB to a full build's peak, the padding each heap keeps when it
/// shrinks.
enum HeapGrowth {
    /// The padding used while reading.
    static let readingPad: Int32 = 64 << 20
    /// glibc's default padding (mallopt(3)).
    static let defaultPad: Int32 = 128 << 10

    /// Runs `work` with the heap growing in large steps when `condition`
    /// holds, unless the environment sets the padding (`MALLOC_TOP_PAD_`)
    /// or the C library is not glibc.
    static func inLargeSteps<Value>(when condition: Bool = true, _ work: () throws -> Value) rethrows -> Value {
        #if os(Linux)
        guard condition, ProcessInfo.processInfo.environment["MALLOC_TOP_PAD_"] == nil else { return try work() }
        mallopt(M_TOP_PAD, readingPad)
        defer { mallopt(M_TOP_PAD, defaultPad) }
        #endif
        return try work()
    }
}
