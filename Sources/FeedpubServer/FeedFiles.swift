import FeedpubCore
import Foundation

/// The files of an output folder as `feedpub serve` hands them out: only
/// published files (no hidden file such as the build manifest, no folder,
/// nothing outside the folder), each with its media type and validators.
public struct FeedFiles: Sendable {
    /// The output folder.
    public let root: URL

    /// The files of the output folder `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// One file, ready to send.
    public struct File: Sendable {
        /// Its bytes.
        public let bytes: [UInt8]
        /// Its `Content-Type`.
        public let contentType: String
        /// A strong entity tag from its bytes, quotes included.
        public let entityTag: String
        /// When it last changed, to the second.
        public let lastModified: Date
    }

    /// The media type of each kind of file the output folder holds.
    public static func contentType(of name: String) -> String? {
        if name == "topics.json" { return "application/json" }
        switch name.split(separator: ".").last {
        case "atom": return "application/atom+xml"
        case "rss": return "application/rss+xml"
        case "json": return "application/feed+json"
        case "opml": return "text/x-opml"
        case "html": return "text/html; charset=utf-8"
        case "xsl": return "text/xsl"
        default: return nil
        }
    }

    /// The file the request path `target` names (`/topics/syria.atom`; `/` is
    /// `index.html`, or `index.opml` when pages are turned off), or nil. The path is percent-decoded once and then
    /// refused if any segment is empty, `.` or `..`, hidden, or holds a
    /// backslash or NUL, so no spelling of `../` leads out of the folder.
    public func file(at target: String) -> File? {
        var path = String(target.prefix { $0 != "?" && $0 != "#" })
        if path == "/" {
            path = FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path)
                ? "/index.html" : "/index.opml"
        }
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding else { return nil }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty,
            segments.allSatisfy({ segment in
                !segment.isEmpty && !segment.hasPrefix(".") && !segment.contains("\\") && !segment.contains("\0")
            }),
            let name = segments.last, let contentType = Self.contentType(of: String(name))
        else { return nil }
        let url = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        guard url.standardizedFileURL.path.hasPrefix(root.path + "/") else { return nil }
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        let bytes = [UInt8](data)
        let hash = StableHash.fnv1a(bytes: bytes)
        #if canImport(Darwin)
            let modified = info.st_mtimespec.tv_sec
        #else
            let modified = info.st_mtim.tv_sec
        #endif
        return File(
            bytes: bytes, contentType: contentType, entityTag: "\"\(String(hash, radix: 16))-\(bytes.count)\"",
            lastModified: Date(timeIntervalSince1970: Double(modified)))
    }
}
