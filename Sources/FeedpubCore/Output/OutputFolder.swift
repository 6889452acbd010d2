import Foundation

/// The folder feeds are published to. Every file is written to a temporary
/// file (in ``temporaryFolder``) and renamed into place, so a reader never
/// sees half a feed;
/// a file whose bytes did not change is left alone, so its mtime (and HTTP
/// caches keyed on it) stays.
public struct OutputFolder: Sendable {
    /// What happened to one file.
    public enum Outcome: Sendable {
        /// New or changed bytes were written.
        case written
        /// The file already had these bytes.
        case unchanged
    }

    /// A file that could not be written.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What failed, naming the file.
        public let description: String
    }

    /// The folder.
    public let root: URL

    /// The folder's path, ending in `/`: joining strings is many times
    /// cheaper than `URL.appendingPathComponent`, and a no-change rebuild of
    /// a large corpus looks up some 100,000 files.
    private let prefix: String

    /// The output folder at `root`.
    public init(root: URL) {
        self.root = root
        let path = root.path
        prefix = path.hasSuffix("/") ? path : path + "/"
    }

    /// The absolute path of `path` inside the folder.
    public func path(of path: String) -> String {
        prefix + path
    }

    /// The folder opened for looking its files up (see ``Lookup``); once it exists.
    func lookup() -> Lookup {
        Lookup(self)
    }

    /// Looks files up relative to an open descriptor of the folder:
    /// `fstatat` then walks only the path inside the folder, where `stat`
    /// walked every folder above it again for each of some 100,000 files a
    /// rebuild looks at.
    final class Lookup: Sendable {
        private let folder: OutputFolder
        /// The open folder, or -1 when it could not be opened.
        private let descriptor: Int32

        fileprivate init(_ folder: OutputFolder) {
            self.folder = folder
            descriptor = open(folder.root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        /// The stamp of the file at `path` inside the folder, named `path`;
        /// nil when there is no such file.
        func stamp(of path: String) -> FileStamp? {
            guard descriptor >= 0 else { return FileStamp.of(folder.path(of: path), as: path) }
            var info = stat()
            guard fstatat(descriptor, path, &info, 0) == 0 else { return nil }
            return FileStamp(path, info)
        }
    }

    /// Removes the file at `path` inside the folder, if there is one.
    public func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: self.path(of: path))
    }

    /// Makes sure the folder and `topics/` exist.
    public func prepare() throws(Failure) {
        do {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("topics"), withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "\(root.path): cannot create the output folder (\(error.localizedDescription))")
        }
    }

    /// Writes `bytes` to `path` (relative to the folder) unless it holds them already.
    public func write(_ bytes: [UInt8], to path: String) throws(Failure) -> Outcome {
        let target = self.path(of: path)
        if let existing = FileManager.default.contents(atPath: target), existing.count == bytes.count,
            existing == Data(bytes)
        {
            return .unchanged
        }
        try replace(target) { sink throws(Failure) in try sink.append(bytes) }
        return .written
    }

    /// Writes the file at `path` (relative to the folder) in pieces, as
    /// `produce` gives them to its sink, so that a large file need not be
    /// held in memory whole. Readers see the old file until all is written.
    func write(to path: String, _ produce: (inout Sink) throws(Failure) -> Void) throws(Failure) {
        try replace(self.path(of: path), with: produce)
    }

    /// Where a file being written goes, piece by piece, with a running
    /// ``Checksum`` of the pieces it is told to count. Counting is asked for
    /// by the files that are read back and checked (the page cache and the
    /// resolution state), not done for every file: summing the 5 GB a full
    /// build publishes at 100,000 pages took 0.65 s.
    struct Sink {
        fileprivate let descriptor: Int32
        fileprivate let target: String
        private var sum = Checksum()

        fileprivate init(descriptor: Int32, target: String) {
            self.descriptor = descriptor
            self.target = target
        }

        /// The checksum of the pieces counted so far.
        var checksum: UInt64 { sum.final }

        /// Writes `bytes`, counting them in ``checksum`` when `counted`.
        mutating func append(_ bytes: [UInt8], counted: Bool = false) throws(Failure) {
            if counted { sum.add(bytes[...]) }
            if let reason = OutputFolder.writeAll(bytes, to: descriptor) {
                throw Failure(description: "\(target): cannot write (\(reason))")
            }
        }
    }

    /// The hidden folder new files are written in before they are renamed
    /// into place. Made beside its target, each was one more entry to add to
    /// and remove from the target's folder, which the cores then waited on
    /// (`topics/` holds four files a topic): two threads writing 76,000
    /// files there took 4.0 to 4.3 s of the kernel's time instead of 2.8 s.
    public static let temporaryFolder = ".feedpub-tmp"

    /// Writes a temporary file through `produce`, then moves it to `target`;
    /// on failure, removes it and leaves `target` as it was. The temporary
    /// file is in ``temporaryFolder``, or beside `target` when that is on
    /// another file system (a folder mounted inside the output folder).
    private func replace(_ target: String, with produce: (inout Sink) throws(Failure) -> Void) throws(Failure) {
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))!
        let directory = String(target[..<slash])
        let name = "\(getpid())-" + String(StableHash.fnv1a(target), radix: 16) + ".tmp"
        let temporary = prefix + Self.temporaryFolder + "/" + name
        if try replace(target, in: directory, through: temporary, with: produce) { return }
        let beside = directory + "/." + target[target.utf8.index(after: slash)...] + ".\(getpid()).tmp"
        _ = try replace(target, in: directory, through: beside, with: produce)
    }

    /// Writes `temporary` through `produce` and renames it to `target` (in
    /// `directory`, made on first use, as an archive's folder is); false,
    /// with nothing changed, when the two are on different file systems.
    private func replace(
        _ target: String, in directory: String, through temporary: String,
        with produce: (inout Sink) throws(Failure) -> Void
    ) throws(Failure) -> Bool {
        // Plain open/write: Foundation's Data.write syncs every file to disk,
        // which costs more than the whole rendering of a feed.
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(
                atPath: String(temporary[..<temporary.utf8.lastIndex(of: UInt8(ascii: "/"))!]),
                withIntermediateDirectories: true)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else {
            throw Failure(description: "\(temporary): cannot create (\(String(cString: strerror(errno))))")
        }
        var sink = Sink(descriptor: descriptor, target: target)
        do {
            try produce(&sink)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "\(target): cannot write (\(reason))")
        }
        var moved = rename(temporary, target) == 0
        if !moved && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            moved = rename(temporary, target) == 0
        }
        guard moved else {
            let reason = errno
            unlink(temporary)
            if reason == EXDEV { return false }
            throw Failure(
                description: "\(target): cannot move the new file into place (\(String(cString: strerror(reason))))")
        }
        return true
    }

    /// Writes `bytes` to `descriptor`; returns why that failed, if it did.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += count
            }
        }
        return failure
    }

    /// Removes feeds and pages that this build did not produce (under
    /// `topics/`, topics that no longer exist; JSON feeds or pages once turned
    /// off; archive documents of feeds that no longer have them), then
    /// archive folders left empty, and the temporary files of interrupted
    /// builds (only the build holding the lock writes here, so none is in use).
    ///
    /// With `written`, the files the last complete build wrote (its
    /// manifest's list), only those are looked at below the top of the
    /// folder: every other file there is one that build kept or left alone,
    /// and an interrupted build leaves no manifest. At 100,000 pages that
    /// spares reading some 20,000 folders.
    ///
    /// - Returns: the paths removed, relative to the folder.
    public func removeStale(keeping produced: Set<String>, written: [String]? = nil) -> [String] {
        var removed: [String] = []
        /// Removes what is stale in `folder` (relative, ending in `/` or
        /// empty), and in the archive folders below it unless the files
        /// there are known from `written`; returns whether the folder is
        /// left empty.
        func sweep(_ folder: String, isArchive: Bool) -> Bool {
            let entries = self.entries(of: folder)
            var left = entries.count
            for (name, isFolder) in entries {
                let relative = folder + name
                if isFolder {
                    if written == nil, isArchive || (folder.isEmpty && name == "archive"),
                        sweep(relative + "/", isArchive: true), rmdir(path(of: relative)) == 0
                    {
                        left -= 1
                    }
                    continue
                }
                let isOurs =
                    folder.isEmpty ? Self.topLevel.contains(name) : Self.published.contains { name.hasSuffix($0) }
                let isStaleFeed = isOurs && !produced.contains(relative)
                let isLeftover = name.hasPrefix(".") && name.hasSuffix(".tmp")
                guard isStaleFeed || isLeftover else { continue }
                if unlink(path(of: relative)) == 0 {
                    removed.append(relative)
                    left -= 1
                }
            }
            return left == 0
        }
        _ = sweep("", isArchive: false)
        removed += removeLeftovers()
        if let written {
            removed += removeWritten(written, notIn: produced)
        } else {
            _ = sweep("topics/", isArchive: false)
        }
        return removed.sorted()
    }

    /// Removes the feeds and pages under `topics/` and `archive/` among
    /// `written` (the files the last complete build wrote) that are not in
    /// `produced`, then the archive folders they leave empty; returns them.
    private func removeWritten(_ written: [String], notIn produced: Set<String>) -> [String] {
        var removed: [String] = []
        var folders: Set<String> = []
        for path in written where !produced.contains(path) {
            let isBelow = path.hasPrefix("topics/") || path.hasPrefix("archive/")
            guard isBelow, Self.published.contains(where: { path.hasSuffix($0) }), unlink(self.path(of: path)) == 0
            else { continue }
            removed.append(path)
            var folder = Substring(path)
            while folder.hasPrefix("archive/"), let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        // Deepest first: a folder is removed only once it is empty.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(path(of: folder)) }
        return removed
    }

    /// The extensions of the files published below the top of the folder.
    private static let published = [".atom", ".rss", ".json", ".html"]
    /// The files published at the top of the folder that a build may stop writing.
    private static let topLevel = ["all.atom", "all.rss", "all.json", "all.html", "index.html", FeedStylesheet.fileName]

    /// Removes the files interrupted builds left in ``temporaryFolder``:
    /// those whose process (the number their name starts with) is gone. A
    /// file of a running process, this one's included, is being written.
    private func removeLeftovers() -> [String] {
        let folder = Self.temporaryFolder + "/"
        return entries(of: folder).compactMap { name, isFolder in
            guard !isFolder, let process = name.split(separator: "-").first.flatMap({ Int32($0) }),
                kill(process, 0) != 0, errno == ESRCH, unlink(path(of: folder + name)) == 0
            else { return nil }
            return folder + name
        }
    }

    /// The names in `folder` (relative, ending in `/` or empty), with
    /// whether each is a folder (following a link), read with `readdir`:
    /// `topics/` of a large corpus holds some 80,000 files, which
    /// `FileManager` lists several times more slowly.
    private func entries(of folder: String) -> [(name: String, isFolder: Bool)] {
        guard let directory = opendir(path(of: folder)) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = DirectoryRecord.name(entry)
            guard name != "." && name != ".." else { continue }
            let type = DirectoryRecord.type(entry)
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                isFolder = stat(path(of: folder + name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }
}
