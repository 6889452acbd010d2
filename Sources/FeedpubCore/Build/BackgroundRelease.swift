import Dispatch

/// Lets go of large values on another thread, so that freeing them does not
/// hold up the build: at 100,000 pages, freeing the parsed pages or the
/// events a rebuild does not render takes a fifth of a second or more each,
/// most of it while the build works on one core.
enum BackgroundRelease {
    /// Hands `value` over to a background thread, which frees it (the part
    /// no one else holds) there.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let held = Held(value)
        DispatchQueue.global(qos: .utility).async { held.drop() }
    }

    /// The value, until the background thread drops it.
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
