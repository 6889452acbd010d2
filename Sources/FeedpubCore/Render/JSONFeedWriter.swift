/// Serializes a feed as JSON Feed 1.1 (jsonfeed.org/version/1.1) with the
/// content of the Atom feed. Members come in a fixed order and items are
/// indented as in every feed, so each item is serialized once (``fragment(_:site:)``)
/// and copied into the feeds of all its topics.
enum JSONFeedWriter {
    static let version = "https://jsonfeed.org/version/1.1"

    /// The serialized `items` element of `entry` before and after its `content_html` text.
    struct Fragment: Sendable {
        let head: [UInt8]
        let tail: [UInt8]
    }

    /// The feed's bytes.
    static func render(_ feed: FeedDescription) -> [UInt8] {
        let author = feed.site.authorEmail.map { ", \"url\": \(JSONText.quoted("mailto:" + $0))" } ?? ""
        var text = "{\n"
        text += "  \"version\": \(JSONText.quoted(version)),\n"
        text += "  \"title\": \(JSONText.quoted(feed.title)),\n"
        text += "  \"home_page_url\": \(JSONText.quoted(feed.alternateURL)),\n"
        text += "  \"feed_url\": \(JSONText.quoted(feed.url(".json"))),\n"
        text += "  \"description\": \(JSONText.quoted(feed.subtitle)),\n"
        text += "  \"language\": \(JSONText.quoted(feed.site.language)),\n"
        text += "  \"authors\": [{\"name\": \(JSONText.quoted(feed.site.authorName))\(author)}],\n"
        if let hub = feed.site.hub { text += "  \"hubs\": [{\"type\": \"WebSub\", \"url\": \(JSONText.quoted(hub))}],\n" }
        text += "  \"items\": ["
        var bytes = Array(text.utf8)
        for (position, entry) in feed.entries.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\n"))
            guard let json = entry.json else { continue }
            bytes += json.head
            JSONText.appendTranscoding(entry.content, to: &bytes)
            bytes += json.tail
        }
        bytes += Array((feed.entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8)
        return bytes
    }

    /// The item of `entry`, indented for the `items` array.
    static func fragment(_ entry: FeedEntry, site: FeedSite) -> Fragment {
        var head = "    {\n"
        head += "      \"id\": \(JSONText.quoted(entry.id)),\n"
        head += "      \"url\": \(JSONText.quoted(entry.link)),\n"
        head += "      \"title\": \(JSONText.quoted(entry.title)),\n"
        head += "      \"summary\": \(JSONText.quoted(entry.headline)),\n"
        head += "      \"content_html\": \""
        var tail = "\",\n"
        tail += "      \"date_published\": \(JSONText.quoted(entry.date.rfc3339)),\n"
        tail += "      \"date_modified\": \(JSONText.quoted(entry.date.rfc3339)),\n"
        tail += "      \"tags\": [\(entry.categories.map(JSONText.quoted).joined(separator: ", "))],\n"
        if let cover = entry.cover {
            tail += "      \"image\": \(JSONText.quoted(cover.url)),\n"
            let type = JSONText.quoted(cover.mimeType ?? "application/octet-stream")
            tail += "      \"attachments\": [{\"url\": \(JSONText.quoted(cover.url)), \"mime_type\": \(type)}],\n"
        }
        tail += "      \"authors\": [{\"name\": \(JSONText.quoted(site.authorName))}]\n"
        tail += "    }"
        return Fragment(head: Array(head.utf8), tail: Array(tail.utf8))
    }
}
