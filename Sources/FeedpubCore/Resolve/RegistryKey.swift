/// A key of the event registry's indexes: a site path, an event identity,
/// or a day and a slug, kept as a 128-bit hash of its kind and text.
///
/// The registry is saved between builds (``ResolutionState``), and a hash
/// of fixed size is what lets it be read back without rebuilding some
/// 700,000 strings. The hash is the same on every run and machine; at 128
/// bits, two of a corpus's keys sharing one is not a practical concern
/// (about 10⁻²⁶ for a million keys), and the page-level fingerprints that
/// decide what a rebuild may reuse are the same kind of hash.
struct RegistryKey: Hashable, Sendable, Comparable {
    let high: UInt64
    let low: UInt64

    /// What a key names.
    enum Kind: UInt64 {
        case path = 1
        case identity = 2
        case slug = 3
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The key of a site path or an identity.
    init(_ kind: Kind, _ text: String) {
        var hasher = WideHasher(seed: kind.rawValue)
        hasher.add(text)
        (high, low) = hasher.value
    }

    /// The key of the events of `date` whose headline (or a shorter variant
    /// of it) has the slug `slug`.
    init(date: EventDate, slug: String) {
        var hasher = WideHasher(seed: Kind.slug.rawValue)
        hasher.add(date)
        hasher.add(slug)
        (high, low) = hasher.value
    }

    static func < (left: Self, right: Self) -> Bool {
        (left.high, left.low) < (right.high, right.low)
    }
}
