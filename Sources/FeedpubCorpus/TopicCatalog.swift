/// All topics of one corpus, most popular first.
struct TopicCatalog: Sendable {
    /// The topics; a topic's index is its popularity rank.
    let topics: [Topic]

    /// Builds `count` topics: a prefix of `SpecialTopics`, then generated names
    /// (people, places, organizations, events), all distinct once case and
    /// whitespace are folded, none containing `,`, `_`, `[`, `]` or `. `.
    init(count: Int, random: inout SeededRandom) {
        var topics: [Topic] = []
        topics.reserveCapacity(count)
        var taken = Set<String>()
        for entry in SpecialTopics.entries where topics.count < count {
            topics.append(Topic(canonical: entry.canonical, variants: entry.variants, alias: entry.alias))
            taken.insert(Topic.foldingKey(entry.canonical))
            if let alias = entry.alias { taken.insert(Topic.foldingKey(alias)) }
        }
        while topics.count < count {
            let name = TopicCatalog.generatedName(&random)
            let key = Topic.foldingKey(name)
            if taken.contains(key) { continue }
            taken.insert(key)
            topics.append(Topic(canonical: name, variants: TopicCatalog.variants(of: name, &random)))
        }
        self.topics = topics
    }

    /// The aliases the corpus uses, in topic order.
    var aliases: [TopicAlias] {
        topics.compactMap { topic in
            topic.alias.map { TopicAlias(alias: $0, canonical: topic.canonical) }
        }
    }

    /// Draws one generated topic name.
    private static func generatedName(_ random: inout SeededRandom) -> String {
        switch random.int(below: 20) {
        case 0..<7:
            let last = random.chance(0.7) ? random.pick(NamePool.lastNames) : coinedWord(&random)
            return random.pick(NamePool.firstNames) + " " + last
        case 7..<13:
            return coinedWord(&random) + random.pick(NamePool.placeSuffixes)
        case 13..<16:
            return fill(random.pick(NamePool.organizationPatterns), &random)
        default:
            return fill(random.pick(NamePool.eventPatterns), &random)
        }
    }

    /// Replaces `P` (place), `L` (family name) and `Y` (year) in a pattern.
    private static func fill(_ pattern: String, _ random: inout SeededRandom) -> String {
        var words: [String] = []
        for word in pattern.split(separator: " ", omittingEmptySubsequences: false) {
            switch word {
            case "P": words.append(coinedWord(&random))
            case "L": words.append(random.pick(NamePool.lastNames))
            case "Y": words.append(String(2009 + random.int(below: 17)))
            case "\"P": words.append("\"" + coinedWord(&random))
            default: words.append(String(word))
            }
        }
        return words.joined(separator: " ")
    }

    /// A made-up proper noun of two to four syllables.
    private static func coinedWord(_ random: inout SeededRandom) -> String {
        var word = random.pick(NamePool.initialSyllables)
        for _ in 0..<random.int(in: 1...3) {
            word += random.pick(NamePool.innerSyllables)
        }
        return word
    }

    /// Spellings a reader folds into `name`: a few names get a case variant,
    /// fewer an extra inner space.
    private static func variants(of name: String, _ random: inout SeededRandom) -> [String] {
        var result: [String] = []
        if random.chance(0.03) {
            let lowered = name.lowercased()
            result.append(lowered == name ? name.uppercased() : lowered)
        }
        if random.chance(0.015), let space = name.firstIndex(of: " ") {
            var spaced = name
            spaced.insert(" ", at: space)
            result.append(spaced)
        }
        return result
    }
}
