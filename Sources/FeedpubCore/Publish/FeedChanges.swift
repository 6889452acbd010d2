import Foundation

/// The feed files of an output folder compared with what the hub was last
/// told: the feeds whose bytes changed since, and the record entries of the
/// others.
///
/// Only `all.atom|rss|json` and `topics/<slug>.atom|rss|json` are feeds a hub
/// hears about; the OPML index, the catalog, pages, archives and hidden files
/// are not. A feed whose file stamp is the one recorded is taken as
/// unchanged without being read; any other is read and hashed.
struct FeedChanges: Sendable {
    /// The extensions of feed files.
    static let extensions = [".atom", ".rss", ".json"]

    /// Feeds whose bytes differ from the ones last announced (or were never
    /// announced), sorted by path, each with the entry to record once the hub
    /// has been told.
    var changed: [AnnouncementRecord.Entry] = []
    /// The record entries of the feeds that did not change, by path, with
    /// their stamps brought up to date.
    var unchanged: [String: AnnouncementRecord.Entry] = [:]
    /// Feed files that could not be read, each naming the file.
    var notices: [String] = []

    /// Compares the feeds in `folder` with `record` (nil: nothing announced yet).
    static func scan(_ folder: OutputFolder, against record: AnnouncementRecord?) -> FeedChanges {
        let outcomes = ParallelMap.map(feedPaths(in: folder), chunkSize: 16) { path in
            Outcome.of(path, in: folder, recorded: record?.feeds[path])
        }
        var changes = FeedChanges()
        for outcome in outcomes {
            switch outcome {
            case .unchanged(let entry): changes.unchanged[entry.stamp.path] = entry
            case .changed(let entry): changes.changed.append(entry)
            case .unreadable(let notice): changes.notices.append(notice)
            case .gone: break
            }
        }
        return changes
    }

    /// Whether `path`, relative to the output folder, is a feed a hub should
    /// hear about: `all.<ext>` or `topics/<name>.<ext>`, not hidden.
    static func isFeed(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, !name.hasPrefix("."),
            extensions.contains(where: { name.hasSuffix($0) })
        else { return false }
        switch parts.count {
        case 1: return extensions.contains { name == "all" + $0 }
        case 2: return parts[0] == "topics"
        default: return false
        }
    }

    /// The feed files in `folder`, sorted by path.
    static func feedPaths(in folder: OutputFolder) -> [String] {
        var paths: [String] = []
        for prefix in ["", "topics/"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(of: prefix))) ?? []
            paths += names.map { prefix + $0 }.filter(isFeed)
        }
        return paths.sorted()
    }

    /// What one feed file turned out to be.
    private enum Outcome: Sendable {
        case unchanged(AnnouncementRecord.Entry)
        case changed(AnnouncementRecord.Entry)
        case unreadable(String)
        case gone

        /// Compares the file at `path` with the entry last `recorded` for it.
        /// The stamp is taken before the bytes are read, so a file replaced
        /// meanwhile is recorded with an older stamp and read again next time.
        static func of(_ path: String, in folder: OutputFolder, recorded: AnnouncementRecord.Entry?) -> Outcome {
            let file = folder.path(of: path)
            guard let stamp = FileStamp.of(file, as: path, regularFileOnly: true) else { return .gone }
            if let recorded, recorded.stamp == stamp { return .unchanged(recorded) }
            guard let data = FileManager.default.contents(atPath: file) else {
                return .unreadable("\(file): cannot read the feed; it is not announced this time")
            }
            let entry = AnnouncementRecord.Entry(hash: data.withUnsafeBytes { StableHash.fnv1a(bytes: $0) }, stamp: stamp)
            return entry.hash == recorded?.hash ? .unchanged(entry) : .changed(entry)
        }
    }
}
