/// What the hub was told, for the report lines and the exit status.
public struct AnnouncementReport: Sendable, Equatable {
    /// A feed the hub was not told about, and why.
    public struct Failure: Sendable, Equatable {
        /// The feed's URL.
        public let feed: String
        /// Why: the hub's status and the first line of its answer, or why
        /// there was no answer, and how many attempts were made.
        public let reason: String
    }

    /// The hub's URL.
    public let hub: String
    /// The URLs of the feeds the hub took notice of, sorted.
    public var announced: [String] = []
    /// The feeds whose notification failed; the next publish tries them again.
    public var failures: [Failure] = []
    /// Feeds not announced because the hub was already told about their bytes.
    public var unchanged = 0
    /// Things the user should know, such as a record that could not be read.
    public var notices: [String] = []

    /// A report of nothing announced yet to `hub`.
    public init(hub: String) {
        self.hub = hub
    }

    /// One line per failure: `websub: <feed URL>: <reason>`.
    public var failureLines: [String] {
        failures.map { "websub: \($0.feed): \($0.reason)" }
    }

    /// The one-line summary.
    public var summary: String {
        let count = announced.count
        var text = "websub: announced \(count) feed\(count == 1 ? "" : "s") to \(hub)"
        if count == 0 && failures.isEmpty {
            return text + " (no feed changed since the hub was last told)"
        }
        if !failures.isEmpty {
            text += " (\(failures.count) failed; they will be retried on the next publish)"
        }
        return text + (unchanged > 0 ? "; \(unchanged) unchanged" : "")
    }
}
