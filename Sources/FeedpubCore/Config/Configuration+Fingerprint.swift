import Foundation

extension Configuration {
    /// Every setting that shapes the output, as one stable line of text: two
    /// configurations with the same fingerprint give the same feeds.
    public var fingerprint: String {
        var parts = [
            site.title, site.url, site.description, site.language, site.authorName, site.authorEmail ?? "",
            input.path, output.path, publishedFeedsURL, String(maxEntries), String(jsonFeeds), timeZone.identifier,
            String(limits.pageBytes), String(limits.headlineCharacters), String(limits.relatedEntries),
            String(archives), String(htmlPages), String(stylesheet), websubHub ?? "",
        ]
        for (alias, canonical) in aliases.sorted(by: { $0.key < $1.key }) { parts += [alias, canonical] }
        let hash = StableHash.fnv1a(parts.map { "\($0.utf8.count):\($0)" }.joined())
        return String(hash, radix: 16)
    }
}
