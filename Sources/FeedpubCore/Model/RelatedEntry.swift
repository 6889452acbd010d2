/// One item of a page's `### Related:` list: another event, named by its
/// headline and site path, with that event's topics.
///
/// A large corpus holds millions of these, so an entry keeps its context list
/// as one string and derives the names and the slug when asked.
public struct RelatedEntry: Hashable, Sendable {
    /// The linked event's headline as the link text gives it, trimmed.
    public let headline: String
    /// The linked event's site path (`/news/2015/12/9/slug.md`).
    public let sitePath: String
    /// The linked event's date, taken from the path.
    public let date: EventDate
    /// The `_Context: …_` list as written (cleaned), names separated by commas.
    public let contextList: String
    /// The line of the page the entry stands on (1-based).
    public let line: Int

    /// An entry with the given parts; `sitePath` must end in `<slug>.md`.
    public init(headline: String, sitePath: String, date: EventDate, contextList: String, line: Int) {
        self.headline = headline
        self.sitePath = sitePath
        self.date = date
        self.contextList = contextList
        self.line = line
    }

    /// The slug the path ends with, without `.md`.
    public var slug: String {
        let file = sitePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { sitePath[sitePath.utf8.index(after: $0)...] }
        return String((file ?? sitePath[...]).utf8.dropLast(3))!
    }

    /// The topic names of the context list: split at commas, whitespace
    /// folded, empty names left out.
    public var contexts: [String] {
        Self.contextNames(contextList)
    }

    /// The names of a context list (see ``contexts``).
    static func contextNames(_ list: String) -> [String] {
        list.utf8.split(separator: UInt8(ascii: ",")).compactMap { part in
            let name = PageText.foldingWhitespace(String(Substring(part).trimmed()))
            return name.isEmpty ? nil : name
        }
    }
}
