/// What the WebSub hub was last told, kept in the output folder as
/// `.feedpub-websub`: the hub's URL and, for every feed, the hash of the
/// bytes last announced successfully with the file stamp they had (a file
/// whose stamp is unchanged need not be read again to know its hash).
///
/// Like the build manifest, the record only saves work: without it, or with
/// one that is damaged, of another format or for another hub, every feed is
/// announced again. Announcing too much costs the hub a fetch; announcing
/// too little would leave subscribers behind.
public struct AnnouncementRecord: Equatable, Sendable {
    /// The file name inside the output folder.
    public static let fileName = ".feedpub-websub"
    static let header = "feedpub-websub 1"

    /// What was last announced of one feed file.
    public struct Entry: Equatable, Sendable {
        /// The 64-bit FNV-1a hash of the bytes the hub was told about.
        public var hash: UInt64
        /// The file's stamp when those bytes were read; its path is the
        /// file's path inside the output folder (`topics/syria.atom`).
        public var stamp: FileStamp

        /// An entry with the given parts.
        public init(hash: UInt64, stamp: FileStamp) {
            self.hash = hash
            self.stamp = stamp
        }
    }

    /// The hub the feeds were announced to.
    public var hub: String
    /// Every feed announced, by path inside the output folder.
    public var feeds: [String: Entry]

    /// A record of `feeds` announced to `hub`.
    public init(hub: String, feeds: [String: Entry] = [:]) {
        self.hub = hub
        self.feeds = feeds
    }

    /// The record as text: the header, `hub <url>`, then one line per feed,
    /// `feed <hash> <size> <mtime> <path>`, sorted by path.
    public func serialized() -> [UInt8] {
        var text = Self.header + "\nhub " + hub + "\n"
        for (path, entry) in feeds.sorted(by: { $0.key < $1.key }) {
            text += "feed \(String(entry.hash, radix: 16)) \(entry.stamp.size) \(entry.stamp.modified) \(path)\n"
        }
        return Array(text.utf8)
    }

    /// Reads a record; nil when the bytes are not a record of this format.
    public static func parse(_ bytes: [UInt8]) -> AnnouncementRecord? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(header), let hubLine = lines.popFirst(), hubLine.hasPrefix("hub ")
        else { return nil }
        var record = AnnouncementRecord(hub: String(hubLine.dropFirst(4)))
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0] == "feed", let hash = UInt64(fields[1], radix: 16),
                let size = Int(fields[2]), let modified = Int(fields[3]), !fields[4].isEmpty
            else { return nil }
            let path = String(fields[4])
            record.feeds[path] = Entry(hash: hash, stamp: FileStamp(path: path, size: size, modified: modified))
        }
        return record
    }
}
