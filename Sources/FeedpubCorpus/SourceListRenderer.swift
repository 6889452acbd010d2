/// Writes a page's `### Source:` items: outlet links, then usually a final
/// `Cover Image` link, with any damage the page carries in its sources.
enum SourceListRenderer {
    /// Share of pages with a cover image entry.
    static let coverShare = 0.85
    /// Cumulative weights of 0...5 source links.
    private static let countWeights: [Double] = [6, 31, 61, 81, 93, 100]
    /// Cumulative weights of the cover image extensions.
    private static let extensionWeights: [Double] = {
        var running = 0.0
        return OutletCatalog.imageExtensions.map { running += $0.weight; return running }
    }()
    /// Hyphen-joined words for URL paths.
    private static let urlWords: [[UInt8]] = (Vocabulary.adjectives + Vocabulary.nouns).map { phrase in
        phrase.map { $0 == 0x20 ? 0x2D : $0 }
    }
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the list items (not the heading) for a page dated `date` (UTF-8
    /// `YYYY-MM-DD`).
    static func render(
        into out: inout [UInt8], date: [UInt8], damage: PageDamage?, oddities: PageOddities,
        _ random: inout SeededRandom
    ) {
        var count = random.index(cumulativeWeights: countWeights)
        let damagedIndex: Int
        switch damage {
        case .unclosedSourceLink?, .javascriptURL?, .dataURL?:
            count = max(count, 1)
            damagedIndex = random.int(below: count)
        default:
            damagedIndex = -1
        }
        var numbering = ListNumbering(oddities)
        for index in 0..<count {
            let outlet = random.pick(OutletCatalog.outlets)
            out.append(contentsOf: numbering.take(&random))
            out.append(0x5B)
            out.append(contentsOf: outlet.name)
            out.append(contentsOf: [0x5D, 0x28])
            if index == damagedIndex && damage == .javascriptURL {
                out.append(contentsOf: Array("javascript:alert('feedpub')".utf8))
            } else if index == damagedIndex && damage == .dataURL {
                out.append(contentsOf: Array("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==".utf8))
            } else {
                articleURL(into: &out, host: outlet.host, date: date, &random)
            }
            if index != damagedIndex || damage != .unclosedSourceLink { out.append(0x29) }
            out.append(0x0A)
        }
        if random.chance(coverShare) {
            out.append(contentsOf: numbering.take(&random))
            out.append(contentsOf: Array("[Cover Image](".utf8))
            coverURL(into: &out, date: date, &random)
            out.append(contentsOf: [0x29, 0x0A])
        }
    }

    /// Appends an article URL on `host`.
    private static func articleURL(
        into out: inout [UInt8], host: [UInt8], date: [UInt8], _ random: inout SeededRandom
    ) {
        out.append(contentsOf: Array((random.chance(0.75) ? "https://" : "http://").utf8))
        out.append(contentsOf: host)
        out.append(0x2F)
        out.append(contentsOf: random.pick(OutletCatalog.sections))
        out.append(0x2F)
        switch random.int(below: 20) {
        case 0..<8:
            out.append(contentsOf: Array("\(random.int(in: 100_000...999_999))-".utf8))
            words(into: &out, count: random.int(in: 2...6), &random)
            out.append(0x2F)
        case 8..<14:
            out.append(contentsOf: date[0..<4])
            out.append(0x2F)
            out.append(contentsOf: date[5..<7])
            out.append(0x2F)
            out.append(contentsOf: date[8..<10])
            out.append(0x2F)
            words(into: &out, count: random.int(in: 3...8), &random)
            out.append(contentsOf: Array(".html".utf8))
        case 14..<18:
            out.append(contentsOf: Array("\(random.int(in: 1_000_000...9_999_999))/".utf8))
            words(into: &out, count: random.int(in: 2...5), &random)
        case 18:
            out.append(contentsOf: Array("article.php?id=\(random.int(in: 1000...99999))&ref=rss&lang=en".utf8))
        default:
            out.append(contentsOf: Array("wiki/Z%C3%BCrich_%26_S%C3%A3o_Paulo".utf8))
        }
    }

    /// Appends a cover image URL with a drawn extension.
    private static func coverURL(into out: inout [UInt8], date: [UInt8], _ random: inout SeededRandom) {
        out.append(contentsOf: Array((random.chance(0.8) ? "https://img." : "http://static.").utf8))
        let host = random.pick(OutletCatalog.outlets).host
        out.append(contentsOf: host.starts(with: Array("www.".utf8)) ? host.dropFirst(4) : host[...])
        out.append(contentsOf: Array("/files/".utf8))
        out.append(contentsOf: date[0..<4])
        out.append(0x2E)
        out.append(contentsOf: date[5..<7])
        out.append(contentsOf: Array("/article/".utf8))
        for _ in 0..<24 { out.append(hexDigits[random.int(below: 16)]) }
        out.append(contentsOf: OutletCatalog.imageExtensions[random.index(cumulativeWeights: extensionWeights)].ext)
    }

    /// Appends `count` hyphen-joined URL words.
    private static func words(into out: inout [UInt8], count: Int, _ random: inout SeededRandom) {
        for index in 0..<count {
            if index > 0 { out.append(0x2D) }
            out.append(contentsOf: random.pick(urlWords))
        }
    }
}
