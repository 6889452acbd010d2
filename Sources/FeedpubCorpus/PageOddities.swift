/// The harmless oddities of one page, drawn from the page's own random stream.
/// A reader must cope with each of them; none makes a page damaged.
struct PageOddities: OptionSet, Sendable {
    let rawValue: UInt32

    /// The file starts with a UTF-8 byte-order mark.
    static let byteOrderMark = PageOddities(rawValue: 1 << 0)
    /// Lines end with CR LF.
    static let crlf = PageOddities(rawValue: 1 << 1)
    /// Body paragraphs carry mojibake (`â€™` for `’`).
    static let mojibakeBody = PageOddities(rawValue: 1 << 2)
    /// The headline carries mojibake too (links to the page spell it cleanly).
    static let mojibakeHeadline = PageOddities(rawValue: 1 << 3)
    /// List numbers repeat (`1. 2. 2.`).
    static let numberingRepeats = PageOddities(rawValue: 1 << 4)
    /// List numbers skip (`1. 3. 7.`).
    static let numberingSkips = PageOddities(rawValue: 1 << 5)
    /// Some Related link texts start with a space.
    static let leadingSpaceInLink = PageOddities(rawValue: 1 << 6)
    /// The headline ends with several spaces rather than none or one.
    static let extraTrailingSpaces = PageOddities(rawValue: 1 << 7)
    /// A body paragraph holds `&`, `<`, `>` and quotes in markup-like text.
    static let markupInBody = PageOddities(rawValue: 1 << 8)
    /// A body paragraph holds `]]>` (and `&amp;` written out).
    static let cdataEndInBody = PageOddities(rawValue: 1 << 9)
    /// There is no body.
    static let noBody = PageOddities(rawValue: 1 << 10)
    /// There is no `### Source:` section.
    static let noSource = PageOddities(rawValue: 1 << 11)
    /// The `### Source:` heading has no items.
    static let emptySource = PageOddities(rawValue: 1 << 12)

    /// Each oddity with the share of pages that get it.
    static let shares: [(oddity: PageOddities, share: Double)] = [
        (.byteOrderMark, 0.015), (.crlf, 0.02), (.mojibakeBody, 0.03), (.numberingRepeats, 0.03),
        (.numberingSkips, 0.03), (.leadingSpaceInLink, 0.04), (.extraTrailingSpaces, 0.03),
        (.markupInBody, 0.03), (.cdataEndInBody, 0.01), (.noBody, 0.10), (.noSource, 0.04),
        (.emptySource, 0.01),
    ]

    /// Creates a set from its raw bits.
    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Draws the oddities of one page; a quarter of mojibake pages also garble
    /// the headline.
    static func draw(_ random: inout SeededRandom) -> PageOddities {
        var result: PageOddities = []
        for (oddity, share) in shares where random.chance(share) {
            result.insert(oddity)
        }
        if result.contains(.mojibakeBody) && random.chance(0.25) { result.insert(.mojibakeHeadline) }
        if result.contains(.noSource) { result.remove(.emptySource) }
        return result
    }
}
