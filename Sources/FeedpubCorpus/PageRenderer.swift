/// Renders one page of the corpus to bytes, from the page's own random
/// stream, so any page can be produced alone and in any order.
struct PageRenderer: Sendable {
    /// Stream number of the per-page random generators.
    static let stream: UInt64 = 2
    /// Share of headlines that end with one space.
    static let headlineTrailingSpaceShare = 0.6
    /// Cumulative weights of 1...4 body paragraphs (when there is a body).
    private static let paragraphWeights: [Double] = [40, 70, 88, 100]

    /// The corpus.
    let table: EventTable
    /// The corpus seed.
    let seed: UInt64
    /// Writes the Related lists.
    private let relatedRenderer: RelatedListRenderer

    /// Creates a renderer for the pages of `table`.
    init(table: EventTable, seed: UInt64) {
        self.table = table
        self.seed = seed
        relatedRenderer = RelatedListRenderer(table: table)
    }

    /// Renders page `index` (`0..<table.pageCount`).
    func render(_ index: Int) -> GeneratedPage {
        var random = SeededRandom(seed: seed, stream: PageRenderer.stream, index: UInt64(index))
        let event = table.events[index]
        let damage = table.damage[index]
        var oddities = PageOddities.draw(&random)
        if damage == .unclosedSourceLink || damage == .javascriptURL || damage == .dataURL {
            oddities.subtract([.noSource, .emptySource])
        }
        if damage == .invalidUTF8Byte || damage == .controlCharacterInBody { oddities.remove(.noBody) }
        let date = table.isoDates[Int(event.dayOrdinal)]
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        dateLine(into: &out, date: date, folder: table.dayFolders[Int(event.dayOrdinal)], damage: damage)
        headline(into: &out, event: event, damage: damage, oddities: oddities, &random)
        let paragraphs = body(event: event, damage: damage, oddities: oddities, &random)
        for paragraph in paragraphs {
            out.append(contentsOf: paragraph)
            out.append(contentsOf: [0x0A, 0x0A])
        }
        let links = table.related[index]
        if !oddities.contains(.noSource) {
            out.append(contentsOf: Array("\n### Source:\n\n".utf8))
            if !oddities.contains(.emptySource) {
                SourceListRenderer.render(into: &out, date: date, damage: damage, oddities: oddities, &random)
            }
        }
        if !links.isEmpty {
            out.append(contentsOf: Array("\n### Related:\n\n".utf8))
            relatedRenderer.render(into: &out, links: links, oddities: oddities, &random)
        }
        if oddities.contains(.crlf) {
            var converted: [UInt8] = []
            converted.reserveCapacity(out.count + out.count / 16)
            for byte in out {
                if byte == 0x0A { converted.append(0x0D) }
                converted.append(byte)
            }
            out = converted
        }
        if oddities.contains(.byteOrderMark) { out.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        let path = table.dayFolders[Int(event.dayOrdinal)] + [0x2F] + event.slug + Array(".md".utf8)
        return GeneratedPage(
            sitePath: String(decoding: path, as: UTF8.self), bytes: out, damage: damage,
            topics: event.topics.map { table.catalog.topics[Int($0)].canonical }, isDayIndex: false)
    }

    /// Appends `### [YYYY-MM-DD](/news/YYYY/MM/D/index.md)` and a blank line.
    private func dateLine(into out: inout [UInt8], date: [UInt8], folder: [UInt8], damage: PageDamage?) {
        let year = String(decoding: date[0..<4], as: UTF8.self)
        let line: String
        switch damage {
        case .missingDateLine?:
            return
        case .impossibleDayOfMonth?:
            line = "### [\(year)-02-30](/news/\(year)/02/30/index.md)"
        case .impossibleMonth?:
            line = "### [\(year)-13-01](/news/\(year)/13/1/index.md)"
        case .unparseableDate?:
            line = "### [not-a-date](/news/not-a-date/index.md)"
        default:
            out.append(contentsOf: Array("### [".utf8))
            out.append(contentsOf: date)
            out.append(contentsOf: [0x5D, 0x28])
            out.append(contentsOf: folder)
            out.append(contentsOf: Array("/index.md)\n\n".utf8))
            return
        }
        out.append(contentsOf: Array((line + "\n\n").utf8))
    }

    /// Appends `# headline` (with its trailing spaces) and a blank line.
    private func headline(
        into out: inout [UInt8], event: CorpusEvent, damage: PageDamage?, oddities: PageOddities,
        _ random: inout SeededRandom
    ) {
        var text = oddities.contains(.mojibakeHeadline) ? Mojibake.garble(event.headline) : event.headline
        if damage == .latin1Byte || damage == .controlCharacterInHeadline {
            let spaces = text.indices.filter { text[$0] == 0x20 && $0 >= event.prefixLength }
            let replacement: UInt8 = damage == .latin1Byte ? 0xE9 : (random.chance(0.5) ? 0x01 : 0x1F)
            if !spaces.isEmpty { text[random.pick(spaces)] = replacement }
        }
        if damage == .missingHeadline { return }
        out.append(contentsOf: [0x23, 0x20])
        out.append(contentsOf: text)
        if oddities.contains(.extraTrailingSpaces) {
            out.append(contentsOf: [UInt8](repeating: 0x20, count: random.int(in: 2...4)))
        } else if random.chance(PageRenderer.headlineTrailingSpaceShare) {
            out.append(0x20)
        }
        out.append(contentsOf: [0x0A, 0x0A])
    }

    /// Draws the body paragraphs, with the page's oddities and body damage.
    private func body(
        event: CorpusEvent, damage: PageDamage?, oddities: PageOddities, _ random: inout SeededRandom
    ) -> [[UInt8]] {
        if oddities.contains(.noBody) { return [] }
        let names = event.topics.map { table.catalog.topics[Int($0)].canonicalBytes }
        let count = random.index(cumulativeWeights: PageRenderer.paragraphWeights) + 1
        var paragraphs: [[UInt8]] = []
        for _ in 0..<count {
            var paragraph: [UInt8] = []
            paragraph.reserveCapacity(1200)
            TextComposer.paragraph(into: &paragraph, sentences: random.int(in: 3...10), topics: names, &random)
            paragraphs.append(paragraph)
        }
        if oddities.contains(.markupInBody) {
            insert(random.pick(Vocabulary.markupSentences), into: &paragraphs, names: names, &random)
        }
        if oddities.contains(.cdataEndInBody) {
            insert(random.pick(Vocabulary.cdataSentences), into: &paragraphs, names: names, &random)
        }
        if oddities.contains(.mojibakeBody) { paragraphs = paragraphs.map(Mojibake.garble) }
        if damage == .invalidUTF8Byte {
            insert([0xFF], into: &paragraphs, names: names, &random)
        } else if damage == .controlCharacterInBody {
            insert([0x0B, 0x20, 0x1F], into: &paragraphs, names: names, &random)
        }
        return paragraphs
    }

    /// Appends a template, after a space, to a random paragraph.
    private func insert(
        _ template: [UInt8], into paragraphs: inout [[UInt8]], names: [[UInt8]], _ random: inout SeededRandom
    ) {
        let target = random.int(below: paragraphs.count)
        paragraphs[target].append(0x20)
        TextComposer.expand(template, into: &paragraphs[target], topics: names, &random)
    }
}
