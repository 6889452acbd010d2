/// Fingerprints of what a feed is made of, so that a build can tell which
/// feeds the last build already wrote with exactly this content.
enum FeedFingerprint {
    /// What an entry shows of `topic`: its name and its slug.
    static func of(_ topic: Topic) -> UInt64 {
        var hasher = WideHasher(seed: 3)
        hasher.add(topic.name)
        hasher.add(topic.slug)
        return hasher.value.0
    }

    /// Everything about `event` that its entry shows, with its timestamp;
    /// `topics` are the fingerprints of the corpus's topics.
    static func of(_ event: borrowing Event, topics: [UInt64], date: FeedDate) -> UInt64 {
        var hasher = WideHasher(seed: 3)
        hasher.add(event.sitePath)
        hasher.add(event.identity)
        hasher.add(event.headline)
        hasher.add(event.storyless)
        hasher.add(event.contentHash)
        hasher.add(event.isReferenceOnly ? 1 : 0)
        hasher.add(UInt64(event.topics.count))
        for topic in event.topics { hasher.add(topics[topic]) }
        hasher.add(UInt64(bitPattern: Int64(date.instant)))
        hasher.add(UInt64(bitPattern: Int64(date.offset)))
        return hasher.value.0
    }

    /// A feed at `stem` named `name`, whose links depend on `links`, holding
    /// entries with `entries` fingerprints, in order.
    static func of(stem: String, name: String, links: [UInt64], entries: [UInt64]) -> UInt64 {
        var hasher = WideHasher(seed: 3)
        hasher.add(stem)
        hasher.add(name)
        hasher.add(UInt64(links.count))
        for link in links { hasher.add(link) }
        hasher.add(UInt64(entries.count))
        for entry in entries { hasher.add(entry) }
        return hasher.value.0
    }
}
