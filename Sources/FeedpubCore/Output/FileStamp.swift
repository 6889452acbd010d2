import Foundation

/// A file's size and modification time: enough to tell that it changed.
public struct FileStamp: Hashable, Sendable {
    /// The file's path as the build names it.
    public let path: String
    /// Its size in bytes.
    public let size: Int
    /// Its modification time in nanoseconds since 1970.
    public let modified: Int

    /// A stamp with the given parts.
    public init(path: String, size: Int, modified: Int) {
        self.path = path
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file at `path` (named `name` in the stamp), or nil
    /// when there is no such file, or when `regularFileOnly` and it is a
    /// folder or something else.
    public static func of(_ path: String, as name: String? = nil, regularFileOnly: Bool = false) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if regularFileOnly && (info.st_mode & S_IFMT) != S_IFREG { return nil }
        return FileStamp(name ?? path, info)
    }

    /// The stamp of a file named `name` whose `stat` is `info`.
    init(_ name: String, _ info: stat) {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        self.init(path: name, size: Int(info.st_size), modified: Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec))
    }
}
