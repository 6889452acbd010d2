/// Plans every page's `### Related:` list.
///
/// First every page gets one link from an undamaged page (so its topics are
/// named somewhere), then every reference-only event gets two to four links
/// from undamaged pages, then the remaining slots point at pages that share a
/// topic with the linking page (or, now and then, at any page).
struct LinkPlanner {
    /// Share of links to prefixed headlines that leave the prefix out.
    static let barePrefixShare = 0.5
    /// Share of links to unprefixed headlines that prepend a story prefix.
    static let prependShare = 0.25

    private let events: [CorpusEvent]
    private let pageCount: Int
    private let capacities: [Int]
    private let damage: [PageDamage?]
    private let topicPages: [[Int32]]
    private var related: [[RelatedLink]]

    /// Creates a planner; `capacities[p]` is the length of page `p`'s list.
    init(events: [CorpusEvent], pageCount: Int, capacities: [Int], damage: [PageDamage?], topicCount: Int) {
        self.events = events
        self.pageCount = pageCount
        self.capacities = capacities
        self.damage = damage
        var topicPages = [[Int32]](repeating: [], count: topicCount)
        for page in 0..<pageCount {
            for topic in events[page].topics { topicPages[Int(topic)].append(Int32(page)) }
        }
        self.topicPages = topicPages
        related = [[RelatedLink]](repeating: [], count: pageCount)
    }

    /// Returns every page's list, in page order.
    mutating func plan(_ random: inout SeededRandom) -> [[RelatedLink]] {
        guard pageCount > 0 else { return [] }
        for page in 0..<pageCount {
            if let linker = findLinker(for: page, &random) { add(page, to: linker, &random) }
        }
        for event in pageCount..<events.count {
            let wanted = 2 + random.int(below: 3)
            for _ in 0..<wanted {
                guard let linker = findLinker(for: event, &random) else { break }
                add(event, to: linker, &random)
            }
        }
        for page in 0..<pageCount { fill(page, &random) }
        for page in 0..<pageCount { random.shuffle(&related[page]) }
        return related
    }

    /// Finds an undamaged page with a free slot that does not yet link `target`,
    /// preferring pages that share one of its topics.
    private func findLinker(for target: Int, _ random: inout SeededRandom) -> Int? {
        let topics = events[target].topics
        for attempt in 0..<24 {
            let candidate: Int
            let pool = topics.isEmpty ? [] : topicPages[Int(random.pick(topics))]
            if attempt < 12 && !pool.isEmpty {
                candidate = Int(random.pick(pool))
            } else {
                candidate = random.int(below: pageCount)
            }
            if candidate != target && damage[candidate] == nil && hasRoom(candidate, for: target) {
                return candidate
            }
        }
        return nil
    }

    /// Whether `page` has a free slot and no link to `target` yet.
    private func hasRoom(_ page: Int, for target: Int) -> Bool {
        related[page].count < capacities[page] && !related[page].contains { $0.target == Int32(target) }
    }

    /// Fills the free slots of `page` with links to other pages.
    private mutating func fill(_ page: Int, _ random: inout SeededRandom) {
        let topics = events[page].topics
        var failures = 0
        while related[page].count < capacities[page] && failures < 30 {
            let candidate: Int
            if !topics.isEmpty && random.chance(0.8) {
                candidate = Int(random.pick(topicPages[Int(random.pick(topics))]))
            } else {
                candidate = random.int(below: pageCount)
            }
            if candidate == page || !hasRoom(page, for: candidate) {
                failures += 1
                continue
            }
            add(candidate, to: page, &random)
        }
    }

    /// Appends a link to `target` on `page`, choosing how it spells the headline.
    private mutating func add(_ target: Int, to page: Int, _ random: inout SeededRandom) {
        let share = events[target].prefixLength > 0 ? LinkPlanner.barePrefixShare : LinkPlanner.prependShare
        related[page].append(RelatedLink(target: Int32(target), alternate: random.chance(share)))
    }
}
