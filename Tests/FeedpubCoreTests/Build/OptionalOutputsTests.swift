import FeedpubCore
import Foundation
import Testing

/// Pages, archives and the stylesheet are optional: turning one off removes
/// what earlier builds wrote, and nothing else.
@Suite("Optional outputs")
struct OptionalOutputsTests {
    /// The files under `folder`, relative, hidden ones left out.
    func files(_ folder: URL) throws -> Set<String> {
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        return Set(walker.allObjects.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        })
    }

    @Test("turning pages and the stylesheet on and off writes and removes exactly their files")
    func toggles() throws {
        try TestFiles.withTemporaryFolder { root in
            var configuration = try TestFiles.sampleCopy(in: root)
            configuration.archives = false
            configuration.stylesheet = true
            _ = try Publisher(configuration: configuration).build()
            let full = try files(configuration.output)
            #expect(full.contains("feed.xsl") && full.contains("index.html") && full.contains("topics/syria.html"))
            let syria = configuration.output.appendingPathComponent("topics/syria.rss")
            #expect(String(decoding: try TestFiles.bytes(syria), as: UTF8.self).contains("<?xml-stylesheet"))

            configuration.stylesheet = false
            configuration.htmlPages = false
            _ = try Publisher(configuration: configuration).build()
            let plain = try files(configuration.output)
            #expect(full.subtracting(plain) == Set(full.filter { $0.hasSuffix(".html") || $0 == "feed.xsl" }))
            #expect(plain.isSubset(of: full))
            #expect(!String(decoding: try TestFiles.bytes(syria), as: UTF8.self).contains("<?xml-stylesheet"))

            configuration.stylesheet = true
            configuration.htmlPages = true
            _ = try Publisher(configuration: configuration).build()
            #expect(try files(configuration.output) == full)
        }
    }
}
