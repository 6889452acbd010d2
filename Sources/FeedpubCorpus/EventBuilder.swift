/// Draws events one after the other: day, topics and headline, keeping every
/// slug a link may use unique within its day folder.
struct EventBuilder {
    /// Share of headlines that begin with a story prefix `X. `.
    static let prefixShare = 0.35
    /// Share of prefixed page headlines whose rest begins with a second prefix
    /// (never for reference-only events, whose two spellings would then differ
    /// by more than one prefix).
    static let doublePrefixShare = 0.02
    /// Share of headlines with `&`, `<`, `>` and quotes in markup-like text.
    static let markupHeadlineShare = 0.02

    private let catalog: TopicCatalog
    private let zipf: ZipfSampler
    private let corpusDays: [Int32]
    /// Slugs already used by some event, each prefixed with its day ordinal.
    private var takenSlugs = Set<[UInt8]>()
    /// Cumulative weights of 1...6 topics per event.
    private static let topicCountWeights: [Double] = [15, 40, 65, 82, 92, 100]
    /// Cumulative weights of 1...4 sentences per headline.
    private static let sentenceCountWeights: [Double] = [10, 32, 64, 100]

    /// Creates a builder over a catalog and the days pages may fall on.
    init(catalog: TopicCatalog, corpusDays: [Int32]) {
        self.catalog = catalog
        zipf = ZipfSampler(count: catalog.topics.count)
        self.corpusDays = corpusDays
    }

    /// Draws event `index`. Events below the topic count take topic `index`
    /// first, so every topic belongs to at least one event.
    mutating func makeEvent(index: Int, hasPage: Bool, _ random: inout SeededRandom) -> CorpusEvent {
        let day: Int32 = hasPage || random.chance(0.6)
            ? random.pick(corpusDays)
            : Int32(random.int(below: EventDate.dayCount))
        let topics = drawTopics(index: index, &random)
        while true {
            let candidate = drawHeadline(day: day, topics: topics, hasPage: hasPage, &random)
            if let event = candidate, claim(event) { return event }
        }
    }

    /// Draws 1–6 distinct topics, Zipf-popular, in ascending id order.
    private func drawTopics(index: Int, _ random: inout SeededRandom) -> [Int32] {
        let count = random.index(cumulativeWeights: EventBuilder.topicCountWeights) + 1
        var topics: [Int32] = []
        if index < catalog.topics.count { topics.append(Int32(index)) }
        var attempts = 0
        while topics.count < count && attempts < 40 {
            attempts += 1
            let topic = Int32(zipf.sample(&random))
            if !topics.contains(topic) { topics.append(topic) }
        }
        return topics.sorted()
    }

    /// Draws a headline of 100–600 bytes (prefix not counted), or nil when
    /// its slugs would be empty or `index`.
    private func drawHeadline(
        day: Int32, topics: [Int32], hasPage: Bool, _ random: inout SeededRandom
    ) -> CorpusEvent? {
        let names = topics.map { catalog.topics[Int($0)].canonicalBytes }
        var headline: [UInt8] = []
        var prefixLength = 0
        var prependTopic: Int32 = -1
        if random.chance(EventBuilder.prefixShare) {
            let story = random.pick(topics)
            headline.append(contentsOf: catalog.topics[Int(story)].canonicalBytes)
            headline.append(contentsOf: [0x2E, 0x20])
            prefixLength = headline.count
            if hasPage && topics.count > 1 && random.chance(EventBuilder.doublePrefixShare) {
                let second = random.pick(topics.filter { $0 != story })
                headline.append(contentsOf: catalog.topics[Int(second)].canonicalBytes)
                headline.append(contentsOf: [0x2E, 0x20])
            }
        } else {
            prependTopic = random.pick(topics)
        }
        appendSentences(to: &headline, names: names, &random)
        let slug = HeadlineSlug.slug(utf8: headline)
        let alternate: [UInt8]
        if prefixLength > 0 {
            alternate = HeadlineSlug.slug(utf8: Array(headline[prefixLength...]))
        } else {
            let prepended = catalog.topics[Int(prependTopic)].canonicalBytes + [0x2E, 0x20] + headline
            alternate = HeadlineSlug.slug(utf8: prepended)
        }
        let index = Array("index".utf8)
        if slug.isEmpty || alternate.isEmpty || slug == index || alternate == index { return nil }
        return CorpusEvent(
            dayOrdinal: day, headline: headline, prefixLength: prefixLength, prependTopic: prependTopic,
            topics: topics, slug: slug, alternateSlug: alternate, hasPage: hasPage)
    }

    /// Appends 1–4 sentences, keeping the whole headline (prefix included)
    /// within 100–600 characters (Unicode scalars).
    private func appendSentences(to headline: inout [UInt8], names: [[UInt8]], _ random: inout SeededRandom) {
        let wanted = random.index(cumulativeWeights: EventBuilder.sentenceCountWeights) + 1
        let markupAt = random.chance(EventBuilder.markupHeadlineShare) ? random.int(below: wanted) : -1
        let start = headline.count
        var length = EventBuilder.scalarCount(headline[...])
        var written = 0
        var sentence: [UInt8] = []
        var failures = 0
        while written < wanted || length < 100 {
            sentence.removeAll(keepingCapacity: true)
            if written == markupAt {
                TextComposer.expand(
                    random.pick(Vocabulary.markupSentences), into: &sentence, topics: names, &random)
            } else {
                TextComposer.sentence(into: &sentence, topics: names, &random)
            }
            let separator = headline.count > start ? 1 : 0
            let added = separator + EventBuilder.scalarCount(sentence[...])
            if length + added > 600 {
                failures += 1
                if failures > 8 && length >= 100 { break }
                continue
            }
            if separator == 1 { headline.append(0x20) }
            headline.append(contentsOf: sentence)
            length += added
            written += 1
        }
    }

    /// The number of Unicode scalars in valid UTF-8 (bytes that do not continue one).
    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Reserves the event's two slugs in its day folder; false if either is taken.
    private mutating func claim(_ event: CorpusEvent) -> Bool {
        let day = withUnsafeBytes(of: event.dayOrdinal.littleEndian) { Array($0) }
        let main = day + event.slug
        let alternate = day + event.alternateSlug
        if takenSlugs.contains(main) || takenSlugs.contains(alternate) { return false }
        takenSlugs.insert(main)
        takenSlugs.insert(alternate)
        return true
    }
}
