/// A topic spelling that only an alias table can tie to its topic (the seeds
/// spell one topic both `ISIL` and `Islamic State of Iraq and the Levant`).
public struct TopicAlias: Sendable, Hashable {
    /// The spelling some context lists use, such as `ISIL`.
    public let alias: String
    /// The topic's usual name, such as `Islamic State of Iraq and the Levant`.
    public let canonical: String

    /// Creates an alias entry.
    public init(alias: String, canonical: String) {
        self.alias = alias
        self.canonical = canonical
    }
}
