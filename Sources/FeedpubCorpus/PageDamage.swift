/// The ways a damaged page is broken. A publisher should skip such a page, or
/// the broken part of it, and go on with the rest of the corpus.
public enum PageDamage: String, CaseIterable, Sendable {
    /// The first line, `### [YYYY-MM-DD](...)`, and its blank line are absent.
    case missingDateLine
    /// The `# headline` line is absent.
    case missingHeadline
    /// The date line names a day the month does not have: `YYYY-02-30`.
    case impossibleDayOfMonth
    /// The date line names month 13: `YYYY-13-01`.
    case impossibleMonth
    /// The date line reads `not-a-date`.
    case unparseableDate
    /// A body paragraph holds a lone 0xFF byte (not UTF-8).
    case invalidUTF8Byte
    /// The headline holds a Latin-1 `é` (byte 0xE9) instead of a space, not UTF-8.
    case latin1Byte
    /// A source link has no closing parenthesis.
    case unclosedSourceLink
    /// A source URL has the `javascript:` scheme.
    case javascriptURL
    /// A source URL has the `data:` scheme.
    case dataURL
    /// The headline holds U+0001 or U+001F in place of a space.
    case controlCharacterInHeadline
    /// A body paragraph holds U+000B (vertical tab) and U+001F.
    case controlCharacterInBody
}
