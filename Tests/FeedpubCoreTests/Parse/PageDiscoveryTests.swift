@testable import FeedpubCore
import Foundation
import Testing

@Suite("Finding the pages of a corpus")
struct PageDiscoveryTests {
    @Test("symbolic links that lead outside the input are not followed; links inside it are, each folder once")
    func symbolicLinks() throws {
        try TestFiles.withTemporaryFolder { folder in
            let root = folder.appendingPathComponent("site")
            let outside = folder.appendingPathComponent("private")
            try TestFiles.write(PageFixture.page(headline: "Inside."), to: "news/2016/03/2/inside.md", under: root)
            try TestFiles.write(PageFixture.page(headline: "Kept elsewhere."), to: "pages/2016/kept.md", under: root)
            try TestFiles.write(PageFixture.page(headline: "Secret."), to: "secret.md", under: outside)
            try TestFiles.write(PageFixture.page(headline: "Secret too."), to: "folder/secret.md", under: outside)
            let links = [
                ("news/2016/03/2/secret.md", outside.path + "/secret.md"),
                ("news/2016/03/2/up.md", "../../../../../private/secret.md"),
                ("news/private", outside.path + "/folder"),
                ("news/etc", "/etc"),
                ("news/kept", root.path + "/pages/2016"),
                ("news/loop", root.path + "/news"),
                ("news/2016/03/2/dangling.md", root.path + "/nowhere.md"),
            ]
            for (path, target) in links {
                try FileManager.default.createSymbolicLink(
                    atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
            }
            let found = try PageDiscovery(root: root).pages()
            #expect(found.sources.map { $0.sitePath! } == ["/news/2016/03/2/inside.md", "/news/kept/kept.md"])
            let warnings = found.diagnostics.map(\.description).sorted()
            #expect(warnings.count == 4)
            #expect(warnings.allSatisfy { $0.contains("outside the input folder; not followed") })
            #expect(warnings.contains { $0.contains("news/etc: warning: symbolic link to '/etc'") })
            #expect(warnings.contains { $0.contains("news/2016/03/2/up.md: warning:") })
        }
    }

    @Test("the year folders, found side by side, give every page once, sorted by site path, with its stamp")
    func yearsSideBySide() throws {
        try TestFiles.withTemporaryFolder { folder in
            let root = folder.appendingPathComponent("site")
            var written: [String] = []
            for year in 2012...2017 {
                for (month, day) in [("01", "1"), ("01", "10"), ("12", "9")] {
                    for name in ["b.md", "a.md"] {
                        let path = "news/\(year)/\(month)/\(day)/\(name)"
                        try TestFiles.write(PageFixture.page(headline: "Event \(path)."), to: path, under: root)
                        written.append("/" + path)
                    }
                    try TestFiles.write("day list", to: "news/\(year)/\(month)/\(day)/index.md", under: root)
                }
            }
            let found = try PageDiscovery(root: root).pages()
            #expect(found.sources.map { $0.sitePath! } == written.sorted())
            #expect(found.diagnostics.isEmpty)
            for source in found.sources {
                #expect(source.stamp == FileStamp.of(source.file, as: source.file))
            }

            // A link from one year to another: the folder is still read once,
            // whichever way reaches it first.
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("news/2017/12/earlier").path,
                withDestinationPath: root.path + "/news/2012/01")
            let linked = try PageDiscovery(root: root).pages().sources.map { $0.sitePath! }
            #expect(linked.count == written.count)
            let reached = linked.filter { $0.hasPrefix("/news/2017/12/earlier/") || $0.hasPrefix("/news/2012/01/") }
            #expect(reached.count == 4)
        }
    }
}
