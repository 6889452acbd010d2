import Dispatch
import Foundation

/// How a build lets go of the large values it is done with: the parsed
/// pages, the page cache, the last resolution, the events it does not
/// render. At 100,000 pages, freeing each of them takes a fifth of a second
/// or more (a million strings and arrays).
public enum MemoryRelease: Sendable {
    /// Freed on another thread, so that freeing does not hold up the
    /// build: for a process that goes on after it (`feedpub serve`).
    case inBackground
    /// Kept until the process exits, which takes all of its memory back at
    /// once: for a command that ends with the build. A build that goes on
    /// to make much (a full build's entries) first has what was kept freed
    /// after all (``makesRoom(forEntries:of:)``).
    case atExit

    /// Hands `value` over: to a background thread, which frees it (the part
    /// no one else holds), or to be kept until the process exits.
    func release<Value: Sendable>(_ value: Value) {
        switch self {
        case .inBackground:
            Self.freeInBackground(value)
        case .atExit:
            // Kept where it can still be reached, so that a leak checker
            // does not report it.
            Self.kept.lock.withLock { Self.kept.values.append(value) }
        }
    }

    /// Whether a build about to make entries for `count` of its `total`
    /// events lets go of what it is done with first, to make room for
    /// them: always when freeing in the background; when keeping until
    /// exit, only for more than an eighth of the events (as a full build
    /// makes), and then what was kept so far is freed after all.
    func makesRoom(forEntries count: Int, of total: Int) -> Bool {
        guard self == .atExit else { return true }
        guard count > total / 8 else { return false }
        let values = Self.kept.lock.withLock {
            defer { Self.kept.values = [] }
            return Self.kept.values
        }
        if !values.isEmpty { Self.freeInBackground(values) }
        return true
    }

    private static func freeInBackground<Value: Sendable>(_ value: Value) {
        let held = Held(value)
        DispatchQueue.global(qos: .utility).async { held.drop() }
    }

    /// The values kept until the process exits.
    private static let kept = Kept()

    private final class Kept: @unchecked Sendable {
        let lock = NSLock()
        /// Guarded by `lock`.
        var values: [any Sendable] = []
    }

    /// The value, until it is dropped.
    private final class Held<Wrapped: Sendable>: @unchecked Sendable {
        /// Set once, then only dropped by the background thread.
        private var value: Wrapped?

        init(_ value: consuming Wrapped) {
            self.value = value
        }

        func drop() {
            value = nil
        }
    }
}
