/// A page's `### Related:` entries. A parsed page holds them. A page from
/// the page cache leaves them in the mapped cache file, with their number,
/// until they are asked for: a rebuild that resolves only what its new
/// pages change reads the entries of a few pages, where making every
/// page's (a million entries at 100,000 pages, each retaining three shared
/// strings, on both cores at once) was a third of reading the cache.
struct RelatedList: Hashable, Sendable {
    private enum Storage: Sendable {
        case held([RelatedEntry])
        case stored(PageCache.StoredPart)
    }

    private let storage: Storage
    /// The number of entries, known without reading them.
    let count: Int

    /// A list of `entries`.
    init(_ entries: [RelatedEntry]) {
        storage = .held(entries)
        count = entries.count
    }

    /// `count` entries kept in a page cache file.
    init(stored: PageCache.StoredPart, count: Int) {
        storage = .stored(stored)
        self.count = count
    }

    /// The entries, in page order; a cached page's are read from the cache
    /// file each time.
    var entries: [RelatedEntry] {
        switch storage {
        case .held(let entries): entries
        case .stored(let stored): stored.related()
        }
    }

    /// Whether the entries are held, not read each time they are asked for.
    var isHeld: Bool {
        if case .held = storage { return true }
        return false
    }

    static func == (left: RelatedList, right: RelatedList) -> Bool {
        left.count == right.count && left.entries == right.entries
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }
}
