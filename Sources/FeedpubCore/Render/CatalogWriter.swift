/// Writes `topics.json`: every feed with its topic, file slug, event count,
/// newest date and URLs, for programs that list or link the feeds.
enum CatalogWriter {
    /// The document's bytes: `{"title", "home_page_url", "all", "topics": [...]}`.
    static func render(site: FeedSite, extensions: [String], items: [FeedSummary]) -> [UInt8] {
        func describe(_ item: FeedSummary, indent: String) -> String {
            var fields: [String] = []
            if let name = item.name {
                fields.append("\"name\": \(JSONText.quoted(name))")
                fields.append("\"slug\": \(JSONText.quoted(String(item.stem.dropFirst("topics/".count))))")
            }
            fields.append("\"events\": \(item.events)")
            if let newest = item.newest { fields.append("\"newest\": \(JSONText.quoted(newest.rfc3339))") }
            for fileExtension in extensions {
                let format = String(fileExtension.dropFirst())
                fields.append("\"\(format)\": \(JSONText.quoted(site.feedsURL + item.stem + fileExtension))")
            }
            return indent + "{" + fields.joined(separator: ", ") + "}"
        }
        let all = items.first { $0.name == nil }
        let topics = items.filter { $0.name != nil }
        var text = "{\n"
        text += "  \"title\": \(JSONText.quoted(site.title)),\n"
        text += "  \"home_page_url\": \(JSONText.quoted(site.url)),\n"
        if let all { text += "  \"all\": \(describe(all, indent: "")),\n" }
        text += "  \"topics\": ["
        let lines = topics.map { describe($0, indent: "    ") }
        text += lines.isEmpty ? "]\n" : "\n" + lines.joined(separator: ",\n") + "\n  ]\n"
        text += "}\n"
        return Array(text.utf8)
    }
}
