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

    /// The pages, sorted by site path.
    public func pages() throws(Failure) -> [PageSource] {
        let news = root.appendingPathComponent("news", isDirectory: true)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: news.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(root.path): no news/ folder here; 'input' must be the site root")
        }
        guard let walker = FileManager.default.enumerator(atPath: news.path) else {
            throw Failure(description: "\(news.path): cannot list the folder")
        }
        var found: [PageSource] = []
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".md"), (relative as NSString).lastPathComponent != "index.md" else { continue }
            let file = news.path + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            found.append(PageSource(file: Self.displayPath(file, base: base), sitePath: "/news/" + relative))
        }
        return found.sorted { $0.sitePath! < $1.sitePath! }
    }

    /// `file` relative to the current folder when it is inside it.
    static func displayPath(_ file: String, base: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return file.hasPrefix(current) ? String(file.dropFirst(current.count)) : file
    }
}
