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
        var found: [PageSource] = []
        let current = FileManager.default.currentDirectoryPath + "/"
        try collect(folder: news.path, relative: "", current: current, into: &found)
        return found.sorted { $0.sitePath! < $1.sitePath! }
    }

    /// Adds the pages under `folder` (site path `/news/` + `relative`) to `found`.
    /// Listing folder by folder is several times faster than an enumerator
    /// that stats every entry.
    private func collect(folder: String, relative: String, current: String, into found: inout [PageSource])
        throws(Failure)
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw Failure(description: "\(folder): cannot list the folder (\(error.localizedDescription))")
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            if name.hasSuffix(".md") {
                guard name != "index.md" else { continue }
                let display = Self.displayPath(path, current: current)
                // One stat tells that it is a file and stamps it for the build manifest.
                guard let stamp = FileStamp.of(path, as: display, regularFileOnly: true) else { continue }
                found.append(PageSource(file: display, sitePath: "/news/" + relative + name, stamp: stamp))
            } else {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
                else { continue }
                try collect(folder: path, relative: relative + name + "/", current: current, into: &found)
            }
        }
    }

    /// `file` relative to the current folder (`current`, ending in `/`) when it is inside it.
    static func displayPath(_ file: String, current: String) -> String {
        file.hasPrefix(current) ? String(file.dropFirst(current.count)) : file
    }
}
