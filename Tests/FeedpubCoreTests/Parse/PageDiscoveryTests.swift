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
}
