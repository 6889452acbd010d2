/// Story prefixes: a headline `X. rest` may begin with the name of the story
/// it belongs to (`Russian military intervention in the Syrian Civil War. …`).
enum StoryPrefix {
    /// The longest a prefix may be to count as a story name, in UTF-8 bytes.
    static let maxLength = 160

    /// `headline` without its first sentence-like segment `X. `, or nil when it
    /// has none that is short enough or leaves nothing behind.
    static func droppingFirst(_ headline: String) -> String? {
        guard let separator = headline.firstByteRange(of: ". "),
            headline.utf8.distance(from: headline.startIndex, to: separator.lowerBound) <= maxLength
        else { return nil }
        let rest = String(headline[separator.upperBound...].trimmed())
        return rest.isEmpty ? nil : rest
    }

    /// `headline` and the headlines left after dropping one, two and three
    /// leading segments: every spelling under which other pages may link it.
    static func variants(_ headline: String) -> [String] {
        Array(IteratorSequence(Variants(headline)))
    }

    /// The variants of a headline (see ``variants(_:)``), one at a time.
    struct Variants: IteratorProtocol {
        private var current: String?
        private var count = 0

        init(_ headline: String) {
            current = headline
        }

        mutating func next() -> String? {
            guard count < 4, let variant = current else { return nil }
            count += 1
            current = count < 4 ? StoryPrefix.droppingFirst(variant) : nil
            return variant
        }
    }

    /// Splits off leading prefixes that name a topic: `isTopic` is asked about
    /// each candidate `X` (the text before a `. `), shortest first.
    ///
    /// - Returns: the prefixes found, in order, and the rest of the headline.
    static func splitTopics(_ headline: String, isTopic: (String) -> Bool) -> (topics: [String], rest: String) {
        var topics: [String] = []
        var rest = Substring(headline)
        search: while true {
            var from = rest.startIndex
            while let separator = rest[from...].firstByteRange(of: ". "),
                rest.utf8.distance(from: rest.startIndex, to: separator.lowerBound) <= maxLength
            {
                let candidate = String(rest[..<separator.lowerBound])
                let remainder = rest[separator.upperBound...].drop { $0 == " " }
                if !remainder.isEmpty && isTopic(candidate) {
                    topics.append(candidate)
                    rest = remainder
                    continue search
                }
                from = separator.upperBound
            }
            break
        }
        return (topics, String(rest))
    }
}
