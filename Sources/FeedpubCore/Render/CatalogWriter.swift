/// Writes `topics.json`: every feed with its topic, file slug, event count,
/// newest date and URLs, for programs that list or link the feeds.
enum CatalogWriter {
    /// The document's bytes: `{"title", "home_page_url", "all", "topics": [...]}`.
    ///
    /// Written straight into one byte array: a rebuild writes the catalog
    /// again whenever a topic gained an event, and with 19,000 topics
    /// joining each one's fields as strings took 90 ms.
    static func render(site: FeedSite, extensions: [String], items: [FeedSummary]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512 + items.count * (160 + extensions.count * (site.feedsURL.utf8.count + 64)))
        let formats = extensions.map { "\"" + $0.dropFirst() + "\": " }
        func describe(_ item: FeedSummary) {
            bytes += "{".utf8
            if let name = item.name {
                bytes += "\"name\": ".utf8
                JSONText.append(quoted: name, to: &bytes)
                bytes += ", \"slug\": ".utf8
                JSONText.append(quoted: item.stem.dropFirst("topics/".count), to: &bytes)
                bytes += ", ".utf8
            }
            bytes += "\"events\": ".utf8
            bytes += String(item.events).utf8
            if let newest = item.newest {
                bytes += ", \"newest\": ".utf8
                JSONText.append(quoted: newest.rfc3339, to: &bytes)
            }
            for (fileExtension, format) in zip(extensions, formats) {
                bytes += ", ".utf8
                bytes += format.utf8
                bytes.append(UInt8(ascii: "\""))
                JSONText.append(content: site.feedsURL, to: &bytes)
                JSONText.append(content: item.stem, to: &bytes)
                JSONText.append(content: fileExtension, to: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes += "}".utf8
        }
        bytes += "{\n  \"title\": ".utf8
        JSONText.append(quoted: site.title, to: &bytes)
        bytes += ",\n  \"home_page_url\": ".utf8
        JSONText.append(quoted: site.url, to: &bytes)
        bytes += ",\n".utf8
        if let all = items.first(where: { $0.name == nil }) {
            bytes += "  \"all\": ".utf8
            describe(all)
            bytes += ",\n".utf8
        }
        bytes += "  \"topics\": [".utf8
        var separator = "\n    "
        for item in items where item.name != nil {
            bytes += separator.utf8
            describe(item)
            separator = ",\n    "
        }
        bytes += (separator == "\n    " ? "]\n" : "\n  ]\n").utf8
        bytes += "}\n".utf8
        return bytes
    }
}
