@testable import FeedpubCore
import Foundation
import Testing

@Suite("Build manifest")
struct BuildManifestTests {
    private static let pages = [
        FileStamp(path: "news/2015/12/9/caf\u{E9}.md", size: 1_234, modified: 1_700_000_000_123_456_789),
        FileStamp(path: "news/2015/12/9/a b.md", size: 0, modified: -5),
    ]

    private func sample() -> BuildManifest {
        var report = BuildReport()
        report.pagesRead = 3
        report.events = 4
        var manifest = BuildManifest(
            settings: "feedpub 1 abc {\"site\": 1}", report: report,
            inputs: BuildManifest.digest(of: Self.pages),
            outputs: [
                FileStamp(path: "topics/syria.atom", size: 99, modified: 42),
                FileStamp(path: "topics/caf\u{E9} b.atom", size: 0, modified: -5),
            ])
        manifest.feeds = [
            BuildManifest.Feed(stem: "topics/syria", fingerprint: UInt64.max),
            BuildManifest.Feed(stem: "all", fingerprint: 0x8000_0000_0000_0001),
            BuildManifest.Feed(stem: "topics/t\u{F6}r", fingerprint: 7),
        ]
        return manifest
    }

    @Test("a manifest reads back as it was written: non-ASCII and spaced paths, negative times, full 64-bit fingerprints")
    func roundTrip() throws {
        let manifest = sample()
        #expect(BuildManifest.parse(try manifest.serialized()) == manifest)
    }

    @Test("the pages' digest changes with any page's path, size or time, with their order and with a page more")
    func inputsDigest() {
        let pages = Self.pages
        let digest = BuildManifest.digest(of: pages)
        #expect(digest.hasPrefix("2 "))
        #expect(BuildManifest.digest(of: pages) == digest, "the same stamps give the same digest")
        let changed = [
            [FileStamp(path: "news/2015/12/9/cafe.md", size: 1_234, modified: 1_700_000_000_123_456_789), pages[1]],
            [FileStamp(path: pages[0].path, size: 1_235, modified: pages[0].modified), pages[1]],
            [FileStamp(path: pages[0].path, size: pages[0].size, modified: pages[0].modified + 1), pages[1]],
            [pages[1], pages[0]],
            pages + [FileStamp(path: "news/2015/12/9/b.md", size: 0, modified: 0)],
            [pages[0]],
        ]
        #expect(Set(changed.map(BuildManifest.digest)).count == changed.count)
        #expect(!changed.map(BuildManifest.digest).contains(digest))
    }

    @Test("a manifest cut short, with a field that is not a number, or of another kind, is not read")
    func damaged() throws {
        let text = String(decoding: try sample().serialized(), as: UTF8.self)
        let cut = text.utf8.firstRange(of: "output 99".utf8)!.lowerBound
        #expect(
            BuildManifest.parse(Array(text.utf8[..<text.utf8.index(cut, offsetBy: 8)])) == nil,
            "cut in the middle of a line")
        #expect(BuildManifest.parse(Array(text.replacingOccurrences(of: "output 99", with: "output x9").utf8)) == nil)
        #expect(BuildManifest.parse(Array(text.replacingOccurrences(of: "output 99", with: "outpt 99").utf8)) == nil)
        #expect(BuildManifest.parse(Array(text.replacingOccurrences(of: "feedpub-manifest 3", with: "feedpub-manifest 2").utf8)) == nil)
        #expect(BuildManifest.parse(Array(text.replacingOccurrences(of: "\ninputs ", with: "\ninput ").utf8)) == nil)
        #expect(BuildManifest.parse([]) == nil)
    }

    @Test("a large site's manifest, read in pieces on every core, reads back whole and in order; a bad line in any piece is not read")
    func largeManifest() throws {
        var manifest = sample()
        manifest.outputs = (0..<40_000).map { FileStamp(path: "topics/topic-\(39_999 - $0).atom", size: $0 * 7, modified: -$0) }
        manifest.feeds = (0..<10_000).map { BuildManifest.Feed(stem: "topics/topic-\($0)", fingerprint: UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        let bytes = try manifest.serialized()
        #expect(bytes.count > 4 * 262_144, "several pieces")
        #expect(BuildManifest.parse(bytes) == manifest)
        let text = String(decoding: bytes, as: UTF8.self)
        for damaged in ["output 105000 -15000 ", "output 273000 -39000 "] {
            let bad = text.replacingOccurrences(of: damaged, with: damaged.replacingOccurrences(of: " ", with: "  "))
            #expect(bad != text && BuildManifest.parse(Array(bad.utf8)) == nil, "damaged: \(damaged)")
        }
    }

    @Test("sharing copies of strings keeps each string's own bytes, even when another spelling is canonically equal")
    func poolKeepsBytes() {
        let pool = StringPool()
        let composed = "Caf\u{E9} in the long headline of an event"
        let decomposed = "Cafe\u{301} in the long headline of an event"
        #expect(composed == decomposed, "Swift calls them equal")
        #expect(Array(pool.intern(composed).utf8) == Array(composed.utf8))
        #expect(Array(pool.intern(decomposed).utf8) == Array(decomposed.utf8))
        let copy = String(decoding: Array(composed.utf8), as: UTF8.self)
        #expect(Array(pool.intern(copy).utf8) == Array(composed.utf8))
    }
}
