import Foundation

/// Finds the pages of a corpus: every `*.md` file under the site root's
/// `news/` folder except the day lists (`index.md`), in sorted order.
public struct PageDiscovery: Sendable {
    /// The site root (the folder that contains `news/`).
    public let root: URL

    /// Discovery under `root`.
    public init(root: URL) {
        self.root = root
    }

    /// Why a corpus folder cannot be read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What is wrong, naming the folder.
        public let description: String
    }

    /// What discovery found: the page files, and links it did not follow.
    public struct Found: Sendable {
        /// The pages, sorted by site path.
        public var sources: [PageSource] = []
        /// Symbolic links leading outside the input, which were not followed.
        public var diagnostics: [Diagnostic] = []
    }

    /// The pages, sorted by site path. Symbolic links are followed only when
    /// they lead to a place inside the site root, and each folder is read once
    /// however many links lead to it.
    ///
    /// The folders of `news/` (the years) are walked side by side. Which link
    /// to a folder is followed depends on the order folders are read in, so
    /// when the walk meets any symbolic link, it walks the tree again in order.
    public func pages() throws(Failure) -> Found {
        let inside = try checkedRoot()
        let news = root.appendingPathComponent("news", isDirectory: true)
        var walk = Walk(
            inside: inside == "/" ? "/" : inside + "/", current: FileManager.default.currentDirectoryPath + "/")
        var info = stat()
        if stat(news.path, &info) == 0 { walk.visited.insert(FolderID(info)) }
        var found: Found
        if let sideBySide = try Self.walkSideBySide(walk, news: news.path) {
            found = sideBySide
        } else {
            try walk.collect(folder: news.path, relative: "")
            found = walk.found
        }
        found.sources.sort { $0.sitePath! < $1.sitePath! }
        return found
    }

    /// The real path of the site root, once it is found to hold a `news/`
    /// folder: what ``pages()`` checks before it reads any folder.
    public func checkedRoot() throws(Failure) -> String {
        let news = root.appendingPathComponent("news", isDirectory: true)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: news.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(root.path): no news/ folder here; 'input' must be the site root")
        }
        guard let inside = Self.realPath(root.path) else {
            throw Failure(description: "\(root.path): cannot resolve the folder (\(String(cString: strerror(errno))))")
        }
        return inside
    }

    /// What `walk` (which has read nothing yet) finds under `news`, each of
    /// its folders walked on its own; nil when a symbolic link was met.
    private static func walkSideBySide(_ walk: Walk, news: String) throws(Failure) -> Found? {
        var top = walk
        top.folders = []
        try top.collect(folder: news, relative: "")
        guard !top.metLink, let folders = top.folders else { return nil }
        let visited = top.visited
        let walks = ParallelMap.map(folders, chunkSize: 1) { folder in
            var below = walk
            below.visited = visited
            return Result { () throws(Failure) in
                try below.collect(folder: folder.path, relative: folder.relative)
                return below
            }
        }
        var found = top.found
        for result in walks {
            let below = try result.get()
            guard !below.metLink else { return nil }
            found.sources += below.found.sources
        }
        return found
    }

    /// A folder's device and inode: the same folder reached twice has the same ID.
    private struct FolderID: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// One walk over the `news/` folder, or over part of it.
    private struct Walk: Sendable {
        /// The real path of the site root, ending in `/`.
        let inside: String
        /// The current folder, ending in `/`.
        let current: String
        var found = Found()
        var visited: Set<FolderID> = []
        /// Whether a symbolic link was met.
        var metLink = false
        /// When set, the folders found are listed here (path and relative
        /// path), not walked.
        var folders: [(path: String, relative: String)]?

        init(inside: String, current: String) {
            self.inside = inside
            self.current = current
        }

        /// Adds the pages under `folder` (site path `/news/` + `relative`).
        /// Each folder is read with `readdir` and its entries looked up
        /// relative to it (`fstatat`), which at 100,000 pages is several
        /// times faster than `FileManager` with full paths.
        mutating func collect(folder: String, relative: String) throws(Failure) {
            guard let directory = opendir(folder) else {
                throw Failure(description: "\(folder): cannot list the folder (\(String(cString: strerror(errno))))")
            }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = DirectoryRecord.name(entry)
                if !name.hasPrefix(".") { names.append(name) }
            }
            for name in names {
                let path = folder + "/" + name
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    metLink = true
                    guard let target = PageDiscovery.realPath(path) else { continue }  // a dangling link
                    guard target.hasPrefix(inside) else {
                        found.diagnostics.append(
                            Diagnostic(
                                file: PageDiscovery.displayPath(path, current: current), line: nil,
                                severity: .warning, reason: .linkOutsideInput(target)))
                        continue
                    }
                    guard stat(path, &info) == 0 else { continue }
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG where name.hasSuffix(".md") && name != "index.md":
                    let display = PageDiscovery.displayPath(path, current: current)
                    let sitePath = "/news/" + relative + name
                    found.sources.append(PageSource(file: display, sitePath: sitePath, stamp: FileStamp(display, info)))
                case S_IFDIR:
                    guard visited.insert(FolderID(info)).inserted else { continue }
                    if folders != nil {
                        folders!.append((path, relative + name + "/"))
                    } else {
                        try collect(folder: path, relative: relative + name + "/")
                    }
                default:
                    continue
                }
            }
        }
    }

    /// The absolute path of `path` with every symbolic link resolved, or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `file` relative to the current folder (`current`, ending in `/`) when it is inside it.
    static func displayPath(_ file: String, current: String) -> String {
        file.hasPrefix(current) ? String(file.dropFirst(current.count)) : file
    }
}
