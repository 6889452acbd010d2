/// The named steps of a build, run in order.
public enum BuildStep: Int, CaseIterable, Sendable {
    /// Finding the page files.
    case discover = 1
    /// Reading and parsing every page.
    case parse
    /// Working out events and topics.
    case resolve
    /// Rendering Atom, RSS and OPML and writing what changed.
    case write

    /// What the step does, for progress lines.
    public var title: String {
        switch self {
        case .discover: return "Finding pages"
        case .parse: return "Reading pages"
        case .resolve: return "Resolving events and topics"
        case .write: return "Writing feeds"
        }
    }
}
