/// Everything about a corpus that is decided before any page is rendered:
/// topics, events (pages first, then reference-only events), damaged pages
/// and every page's Related list. Built once, from one random stream.
struct EventTable: Sendable {
    /// Topics per page (about 19,000 for 100,000 pages).
    static let topicsPerPage = 0.19
    /// The fewest topics of any corpus.
    static let minimumTopics = 50
    /// Share of pages with no Related list.
    static let noRelatedShare = 0.04
    /// Share of Related entries that name events without a page.
    static let referenceOnlyShare = 0.10
    /// Stream number of the table's random generator.
    static let stream: UInt64 = 1

    /// The topics.
    let catalog: TopicCatalog
    /// Pages (indices `0..<pageCount`), then reference-only events.
    let events: [CorpusEvent]
    /// The number of pages.
    let pageCount: Int
    /// How each page is damaged, if it is.
    let damage: [PageDamage?]
    /// Each page's Related list.
    let related: [[RelatedLink]]
    /// Topics named in the Related lists of undamaged pages.
    let distinctTopicCount: Int
    /// `/news/YYYY/MM/D` for every day ordinal, as UTF-8.
    let dayFolders: [[UInt8]]
    /// `YYYY-MM-DD` for every day ordinal, as UTF-8.
    let isoDates: [[UInt8]]

    /// Builds the table of a corpus.
    init(pageCount requested: Int, seed: UInt64, damagedFraction: Double) {
        let pageCount = max(0, requested)
        var random = SeededRandom(seed: seed, stream: EventTable.stream, index: 0)
        let topicCount = max(EventTable.minimumTopics, Int((Double(pageCount) * EventTable.topicsPerPage).rounded()))
        catalog = TopicCatalog(count: topicCount, random: &random)
        let damage = EventTable.drawDamage(pageCount: pageCount, fraction: damagedFraction, &random)
        var capacities: [Int] = []
        capacities.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            capacities.append(random.chance(EventTable.noRelatedShare) ? 0 : random.int(in: 1...12))
        }
        let slots = capacities.reduce(0, +)
        let referenceCount = Int((Double(slots) * EventTable.referenceOnlyShare / 3.0).rounded())
        var builder = EventBuilder(catalog: catalog, corpusDays: EventTable.corpusDays(pageCount: pageCount, &random))
        var events: [CorpusEvent] = []
        events.reserveCapacity(pageCount + referenceCount)
        for index in 0..<(pageCount + referenceCount) {
            events.append(builder.makeEvent(index: index, hasPage: index < pageCount, &random))
        }
        var planner = LinkPlanner(
            events: events, pageCount: pageCount, capacities: capacities, damage: damage, topicCount: topicCount)
        let related = planner.plan(&random)
        var named = [Bool](repeating: false, count: topicCount)
        for page in 0..<pageCount where damage[page] == nil {
            for link in related[page] {
                for topic in events[Int(link.target)].topics { named[Int(topic)] = true }
            }
        }
        self.pageCount = pageCount
        self.events = events
        self.damage = damage
        self.related = related
        distinctTopicCount = named.lazy.filter { $0 }.count
        let dates = (0..<EventDate.dayCount).map { EventDate(dayOrdinal: $0) }
        dayFolders = dates.map { Array($0.dayFolder.utf8) }
        isoDates = dates.map { Array($0.isoString.utf8) }
    }

    /// The number of reference-only events.
    var referenceOnlyCount: Int { events.count - pageCount }

    /// Picks exactly `round(pageCount * fraction)` damaged pages, spreading
    /// the kinds of damage evenly.
    private static func drawDamage(pageCount: Int, fraction: Double, _ random: inout SeededRandom) -> [PageDamage?] {
        var damage = [PageDamage?](repeating: nil, count: pageCount)
        let share = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let count = min(pageCount, Int((Double(pageCount) * share).rounded()))
        var order = Array(0..<pageCount)
        let kinds = PageDamage.allCases
        for chosen in 0..<count {
            let swap = chosen + random.int(below: pageCount - chosen)
            order.swapAt(chosen, swap)
            damage[order[chosen]] = kinds[chosen % kinds.count]
        }
        return damage
    }

    /// The days pages fall on: about one day per five pages, spread evenly over
    /// 2010–2025 (every day once there are enough pages).
    private static func corpusDays(pageCount: Int, _ random: inout SeededRandom) -> [Int32] {
        let total = EventDate.dayCount
        let count = min(total, max(1, (pageCount + 4) / 5))
        return (0..<count).map { step in
            let start = step * total / count
            let end = (step + 1) * total / count
            return Int32(start + random.int(below: end - start))
        }
    }
}
