/// Entry titles: the headline without its story prefix, cut to about 160
/// characters at a sentence end, or at a word boundary with `…`.
enum EntryTitle {
    /// The length a title aims at.
    static let limit = 160
    /// A sentence may run this far past ``limit`` and still be kept whole.
    static let slack = 20
    /// A cut at a sentence end is taken only past this length.
    static let shortest = 60

    /// The title for `headline`.
    static func make(_ headline: String) -> String {
        // More than `limit` characters, counted no further than that.
        guard headline.utf8.count > limit,
            let end = headline.index(headline.startIndex, offsetBy: limit, limitedBy: headline.endIndex),
            end < headline.endIndex
        else { return headline }
        // Cuts fall just before a space, so working on scalars never splits a character.
        let scalars = Array(headline.unicodeScalars.prefix(limit + slack + 1)) + [" "]
        var sentenceEnd: Int?
        var wordEnd: Int?
        for index in 1..<min(scalars.count, limit + slack + 1) where scalars[index] == " " {
            let previous = scalars[index - 1]
            if previous == "." || previous == "!" || previous == "?", index >= shortest,
                !isAbbreviation(scalars, endingAt: index - 1)
            {
                sentenceEnd = index
            }
            if previous != " " && index < limit { wordEnd = index }
        }
        if let sentenceEnd { return prefix(of: headline, scalars: sentenceEnd) }
        var cut = wordEnd ?? (limit - 1)
        while cut > 0, [",", ";", ":", "-", "–", "—"].contains(scalars[cut - 1]) { cut -= 1 }
        return prefix(of: headline, scalars: cut) + "…"
    }

    /// The first `count` scalars of `text`, copied as bytes: building the
    /// string scalar by scalar took a sixth of building an entry.
    private static func prefix(of text: String, scalars count: Int) -> String {
        String(Substring(text.unicodeScalars.prefix(count)))
    }

    /// Whether the period at `end` closes an abbreviation such as `U.S.` or
    /// an initial (`George W. Bush`) rather than a sentence.
    private static func isAbbreviation(_ scalars: [Unicode.Scalar], endingAt end: Int) -> Bool {
        guard scalars[end] == "." else { return false }
        var start = end
        while start > 0, scalars[start - 1] != " " { start -= 1 }
        let word = scalars[start..<end]
        if word.contains(".") { return true }
        return word.count == 1 && word.first!.properties.isUppercase
    }
}
