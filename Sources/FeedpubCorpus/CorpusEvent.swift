/// One news event of the corpus: a page, or an event known only by reference.
struct CorpusEvent: Sendable {
    /// Days since 2010-01-01.
    let dayOrdinal: Int32
    /// The headline as UTF-8, without the trailing space pages often add.
    let headline: [UInt8]
    /// Bytes of the leading story prefix `X. ` (0 when there is none).
    let prefixLength: Int
    /// For a headline without prefix, the topic prepended when a link spells
    /// it `Topic. Headline`; -1 for headlines that have a prefix.
    let prependTopic: Int32
    /// The event's fixed topics (ascending ids); every link to it lists them.
    let topics: [Int32]
    /// The slug of `headline`: the page's file name without `.md`.
    let slug: [UInt8]
    /// The slug of the alternate spelling: the headline without its prefix,
    /// or with `prependTopic` prepended.
    let alternateSlug: [UInt8]
    /// Whether the corpus has a page for the event.
    let hasPage: Bool
}
