import FeedpubCore
import Foundation

/// The topics of a corpus as a table or as JSON.
struct TopicListing {
    let corpus: Corpus

    private struct Row: Encodable {
        let name: String
        let slug: String
        let events: Int
        let newest: String
    }

    private var rows: [Row] {
        corpus.topics.map { topic in
            Row(
                name: topic.name, slug: topic.slug, events: topic.events.count,
                newest: topic.events.first.map { corpus.events[$0].date.description } ?? "")
        }
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func table() -> String {
        let rows = rows
        let nameWidth = min(60, rows.map(\.name.count).max() ?? 4)
        let slugWidth = min(60, rows.map(\.slug.count).max() ?? 4)
        var text = Self.pad("TOPIC", nameWidth) + "  " + Self.pad("SLUG", slugWidth) + "  EVENTS  NEWEST\n"
        for row in rows {
            text += Self.pad(row.name, nameWidth) + "  " + Self.pad(row.slug, slugWidth) + "  "
                + Self.pad(String(row.events), 6) + "  " + row.newest + "\n"
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
