@testable import FeedpubCore
import Foundation
import Testing

@Suite("Keeping what resolving gave for the next build")
struct ResolutionStateTests {
    func stateFile(_ configuration: Configuration) -> URL {
        configuration.output.appendingPathComponent(ResolutionState.fileName)
    }

    /// Writes a page for the first event of the sample known only by
    /// reference, at the path the other pages name it by.
    func writePageForReferencedEvent(_ configuration: Configuration, under root: URL) throws -> Event {
        let corpus = try Publisher(configuration: configuration).load().corpus
        let named = try #require(corpus.events.first { $0.isReferenceOnly && $0.sitePath.hasPrefix("/news/") })
        _ = try TestFiles.write(
            "### [\(named.date)](/news/\(named.date.folder)/index.md)\n\n# \(named.headline)\n\nNow with a page.\n",
            to: String(named.sitePath.dropFirst()), under: root)
        return named
    }

    @Test("a new page that other pages already named relinks only their entries; the output is a clean build's")
    func newPageOfANamedEvent() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            let first = try Publisher(configuration: configuration).build()
            #expect(first.entriesRelinked == nil, "the first build resolves every page")
            #expect(FileManager.default.fileExists(atPath: stateFile(configuration).path))

            let named = try writePageForReferencedEvent(configuration, under: root)
            let second = try Publisher(configuration: configuration).build()
            #expect(second.notices.isEmpty)
            let relinked = try #require(second.entriesRelinked)
            #expect(relinked > 0 && relinked < 20, "the new page's entries and those naming it, not all of them")
            #expect(second.referenceOnly == first.referenceOnly - 1)

            var clean = configuration
            clean.output = root.appendingPathComponent("clean")
            _ = try Publisher(configuration: clean).build()
            #expect(try TestFiles.published(configuration.output) == TestFiles.published(clean.output))
            let feed = try String(contentsOf: configuration.output.appendingPathComponent("all.atom"), encoding: .utf8)
            #expect(feed.contains("Now with a page."), "\(named.sitePath) is now a page")
        }
    }

    @Test("a damaged, foreign or missing state means resolving every page, with a notice, and the same output")
    func unusableState() throws {
        try TestFiles.withTemporaryFolder { root in
            let configuration = try TestFiles.sampleCopy(in: root)
            _ = try Publisher(configuration: configuration).build()
            _ = try writePageForReferencedEvent(configuration, under: root)
            let good = try Data(contentsOf: stateFile(configuration))
            var flipped = good
            flipped[good.count - 20] ^= 0x01
            let damages: [(String, Data?, String?)] = [
                ("a flipped bit", flipped, "damaged"),
                ("cut short", good.prefix(good.count - 9), "damaged"),
                ("an older format", Data("feedpub-resolved 0\n".utf8) + good.dropFirst(19), "not a resolution state"),
                ("another program", Data("feedpub-resolved 1\nother\n".utf8), "written by another build"),
                ("missing", nil, nil),
            ]
            var clean = configuration
            clean.output = root.appendingPathComponent("clean")
            _ = try Publisher(configuration: clean).build()
            let expected = try TestFiles.published(clean.output)
            for (damage, bytes, reason) in damages {
                if let bytes { try bytes.write(to: stateFile(configuration)) } else {
                    try FileManager.default.removeItem(at: stateFile(configuration))
                }
                try? FileManager.default.removeItem(at: configuration.output.appendingPathComponent(BuildManifest.fileName))
                let report = try Publisher(configuration: configuration).build()
                #expect(report.entriesRelinked == nil, "\(damage)")
                if let reason {
                    #expect(report.notices.count == 1, "\(damage)")
                    #expect(report.notices.first?.contains("\(ResolutionState.fileName): \(reason)") == true, "\(damage): \(report.notices)")
                } else {
                    #expect(report.notices.isEmpty, "\(damage)")
                }
                #expect(try TestFiles.published(configuration.output) == expected, "\(damage)")
                #expect(try ResolutionState.read(stateFile(configuration).path) != nil, "\(damage): written anew")
            }
        }
    }

    @Test("index keys of a large corpus do not collide")
    func keysAreDistinct() {
        // Paths that differ in a digit or two, as generated corpora and
        // numbered archives have: a weak hash folds such keys together.
        var keys = Set<RegistryKey>()
        var count = 0
        for number in 0..<200_000 {
            let day = 1 + number % 28
            keys.insert(RegistryKey(.path, "/news/2016/02/\(day)/e\(number).md"))
            keys.insert(RegistryKey(.identity, "/news/2016/02/\(day)/e\(number).md"))
            keys.insert(RegistryKey(date: EventDate(year: 2016, month: 2, day: day)!, slug: "e\(number)"))
            keys.insert(RegistryKey(date: EventDate(year: 2016, month: 3, day: day)!, slug: "e\(number)"))
            count += 4
        }
        #expect(keys.count == count)
    }
}
