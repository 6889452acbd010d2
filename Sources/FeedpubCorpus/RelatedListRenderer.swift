/// Writes a page's `### Related:` items:
/// `N. [headline ](/news/YYYY/MM/D/slug.md) _Context: a, b, c_`.
struct RelatedListRenderer {
    /// Share of link texts that end with a space, as on the real site.
    static let trailingSpaceShare = 0.85
    /// Share of context names spelled by their alias, where there is one.
    static let aliasShare = 0.4
    /// Share of context names spelled by a case, whitespace or NFD variant.
    static let variantShare = 0.08

    private static let contextOpen = Array(" _Context: ".utf8)
    private static let contextClose = Array("_\n".utf8)
    private static let markdownSuffix = Array(".md)".utf8)

    /// The corpus the links point into.
    let table: EventTable
    /// Alias spellings as UTF-8, by topic id (empty: none).
    private let aliases: [[UInt8]]

    /// Creates a renderer for the links of `table`.
    init(table: EventTable) {
        self.table = table
        aliases = table.catalog.topics.map { Array(($0.alias ?? "").utf8) }
    }

    /// Appends the items for `links`.
    func render(
        into out: inout [UInt8], links: [RelatedLink], oddities: PageOddities, _ random: inout SeededRandom
    ) {
        var numbering = ListNumbering(oddities)
        let forcedLeadingSpace = oddities.contains(.leadingSpaceInLink) ? random.int(below: links.count) : -1
        for (position, link) in links.enumerated() {
            let event = table.events[Int(link.target)]
            out.append(contentsOf: numbering.take(&random))
            out.append(0x5B)
            if position == forcedLeadingSpace || (forcedLeadingSpace >= 0 && random.chance(0.25)) {
                out.append(0x20)
            }
            let slug: [UInt8]
            if !link.alternate {
                out.append(contentsOf: event.headline)
                slug = event.slug
            } else if event.prefixLength > 0 {
                out.append(contentsOf: event.headline[event.prefixLength...])
                slug = event.alternateSlug
            } else {
                out.append(contentsOf: table.catalog.topics[Int(event.prependTopic)].canonicalBytes)
                out.append(contentsOf: [0x2E, 0x20])
                out.append(contentsOf: event.headline)
                slug = event.alternateSlug
            }
            if random.chance(RelatedListRenderer.trailingSpaceShare) { out.append(0x20) }
            out.append(contentsOf: [0x5D, 0x28])
            out.append(contentsOf: table.dayFolders[Int(event.dayOrdinal)])
            out.append(0x2F)
            out.append(contentsOf: slug)
            out.append(contentsOf: RelatedListRenderer.markdownSuffix)
            out.append(contentsOf: RelatedListRenderer.contextOpen)
            context(into: &out, topics: event.topics, &random)
            out.append(contentsOf: RelatedListRenderer.contextClose)
        }
    }

    /// Appends the target's topics, each in one of its spellings, sorted by
    /// their UTF-8 bytes and joined by `, `.
    private func context(into out: inout [UInt8], topics: [Int32], _ random: inout SeededRandom) {
        var spelled: [[UInt8]] = []
        spelled.reserveCapacity(topics.count)
        for id in topics {
            let topic = table.catalog.topics[Int(id)]
            let alias = aliases[Int(id)]
            if !alias.isEmpty && random.chance(RelatedListRenderer.aliasShare) {
                spelled.append(alias)
            } else if !topic.variants.isEmpty && random.chance(RelatedListRenderer.variantShare) {
                spelled.append(random.pick(topic.variants))
            } else {
                spelled.append(topic.canonicalBytes)
            }
        }
        spelled.sort { $0.lexicographicallyPrecedes($1) }
        for (index, name) in spelled.enumerated() {
            if index > 0 { out.append(contentsOf: [0x2C, 0x20]) }
            out.append(contentsOf: name)
        }
    }
}
