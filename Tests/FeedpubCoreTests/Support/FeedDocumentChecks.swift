import FeedpubCore
import Testing

/// Checks every published document must pass, whatever the input.
enum FeedDocumentChecks {
    /// Expects every URL attribute of `root` (document `path`) to be absolute
    /// http(s) and every date element to be RFC 3339 (Atom) or RFC 822 (RSS,
    /// OPML); calls `each` with every element. In an HTML page, links may
    /// also be paths to the output folder's own files, and no element may be
    /// a script or carry an event handler.
    static func expectSound(_ root: XMLNode, path: String, each: (XMLNode) -> Void = { _ in }) {
        let isPage = path.hasSuffix(".html")
        // A file of the output folder, or (a page's base) the folder itself.
        let ownFile = /^(\.\.\/)*[a-z0-9][a-z0-9\/._-]*\.(html|atom|rss|json|opml)$|^(\.\.\/)+$/
        let rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/
        let rfc822 =
            /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/
        var nodes = [root]
        while let node = nodes.popLast() {
            nodes += node.children
            for key in ["href", "url", "xmlUrl", "htmlUrl", "src"] {
                if let url = node.attributes[key] {
                    let isWeb = url.hasPrefix("https://") || url.hasPrefix("http://")
                    #expect(isWeb || (isPage && url.wholeMatch(of: ownFile) != nil), "\(path): \(url)")
                }
            }
            if isPage {
                #expect(node.name != "script", "\(path): a script element")
                #expect(!node.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(path): an event handler")
            }
            if ["updated", "published"].contains(node.name) {
                #expect(node.text.wholeMatch(of: rfc3339) != nil, "\(path): \(node.text)")
            }
            if ["pubDate", "lastBuildDate", "dateCreated"].contains(node.name) {
                #expect(node.text.wholeMatch(of: rfc822) != nil, "\(path): \(node.text)")
            }
            each(node)
        }
    }
}
