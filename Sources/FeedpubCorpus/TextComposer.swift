/// Builds headline and body text as UTF-8 from `Vocabulary`, naming the
/// topics of the event it writes about.
enum TextComposer {
    /// Appends one headline-style sentence (ends with `.`, no leading space).
    static func sentence(into out: inout [UInt8], topics: [[UInt8]], _ random: inout SeededRandom) {
        expand(random.pick(Vocabulary.subjects), into: &out, topics: topics, &random)
        out.append(0x20)
        out.append(contentsOf: random.pick(Vocabulary.verbs))
        out.append(0x20)
        nounPhrase(into: &out, topics: topics, &random)
        if random.chance(0.35) {
            out.append(contentsOf: random.chance(0.5) ? Bytes.and : Bytes.after)
            nounPhrase(into: &out, topics: topics, &random)
        }
        if random.chance(0.55) {
            expand(random.pick(Vocabulary.clauses), into: &out, topics: topics, &random)
        }
        out.append(0x2E)
    }

    /// Appends one body sentence: usually headline-style, sometimes one with
    /// curly quotes, apostrophes, dashes or accents.
    static func bodySentence(into out: inout [UInt8], topics: [[UInt8]], _ random: inout SeededRandom) {
        if random.chance(0.2) {
            expand(random.pick(Vocabulary.bodySentences), into: &out, topics: topics, &random)
        } else {
            sentence(into: &out, topics: topics, &random)
        }
    }

    /// Appends a paragraph of `count` body sentences separated by spaces.
    static func paragraph(
        into out: inout [UInt8], sentences count: Int, topics: [[UInt8]], _ random: inout SeededRandom
    ) {
        for index in 0..<count {
            if index > 0 { out.append(0x20) }
            bodySentence(into: &out, topics: topics, &random)
        }
    }

    /// Appends a determiner, an adjective, a noun and a place or topic.
    private static func nounPhrase(into out: inout [UInt8], topics: [[UInt8]], _ random: inout SeededRandom) {
        let determiner = random.pick(Vocabulary.determiners)
        out.append(contentsOf: determiner)
        out.append(0x20)
        if determiner == Bytes.article || random.chance(0.6) {
            out.append(contentsOf: random.pick(Vocabulary.adjectives))
            out.append(0x20)
        }
        out.append(contentsOf: random.pick(Vocabulary.nouns))
        out.append(0x20)
        out.append(contentsOf: random.pick(Vocabulary.prepositions))
        out.append(0x20)
        if !topics.isEmpty && random.chance(0.5) {
            out.append(contentsOf: random.pick(topics))
        } else {
            out.append(contentsOf: random.pick(Vocabulary.places))
        }
    }

    /// Appends `template` with `@` (topic), `~` (name), `#` (number) and `^`
    /// (outlet) replaced.
    static func expand(
        _ template: [UInt8], into out: inout [UInt8], topics: [[UInt8]], _ random: inout SeededRandom
    ) {
        for byte in template {
            switch byte {
            case 0x40:
                if topics.isEmpty {
                    out.append(contentsOf: random.pick(Vocabulary.places))
                } else {
                    out.append(contentsOf: random.pick(topics))
                }
            case 0x7E:
                out.append(contentsOf: random.pick(Bytes.firstNames))
                out.append(0x20)
                out.append(contentsOf: random.pick(Bytes.lastNames))
            case 0x23:
                out.append(contentsOf: Bytes.decimal(random.int(in: 2...640)))
            case 0x5E:
                out.append(contentsOf: random.pick(OutletCatalog.outlets).name)
            default:
                out.append(byte)
            }
        }
    }

    /// Byte constants and lists derived once.
    private enum Bytes {
        static let and = Array(" and ".utf8)
        static let article = Array("a".utf8)
        static let after = Array(" after ".utf8)
        static let firstNames = NamePool.firstNames.map { Array($0.utf8) }
        static let lastNames = NamePool.lastNames.map { Array($0.utf8) }

        /// The decimal digits of a non-negative number.
        static func decimal(_ value: Int) -> [UInt8] {
            Array(String(value).utf8)
        }
    }
}
