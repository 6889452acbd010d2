import FeedpubCore
import Foundation
import Testing

/// `feedpub publish` end to end in FeedpubCore: the sample corpus built into
/// a temporary folder, its changed feeds announced to a hub stand-in.
@Suite("Announcing changed feeds to the WebSub hub")
struct HubAnnouncerTests {
    /// The sample copied into `root`, to be built into `root/out` with `hub`.
    static func sample(in root: URL, hub: String) throws -> Configuration {
        var configuration = try TestFiles.sampleCopy(in: root)
        configuration.websubHub = hub
        return configuration
    }

    /// The announcer of `configuration`'s feeds, with test-sized pauses.
    static func announcer(_ configuration: Configuration) throws -> HubAnnouncer {
        var announcer = try #require(HubAnnouncer(configuration: configuration))
        announcer.notifier.backoff = .milliseconds(10)
        announcer.notifier.timeout = .seconds(1)
        return announcer
    }

    /// Builds, then announces: what `feedpub publish` does.
    static func publish(_ configuration: Configuration) async throws -> AnnouncementReport {
        _ = try Publisher(configuration: configuration).build()
        return try await announcer(configuration).announce()
    }

    /// The feed files of `output` (`all.*` and `topics/*` Atom, RSS and JSON)
    /// and their bytes.
    static func feeds(_ output: URL) throws -> [String: Data] {
        let topics = try FileManager.default.contentsOfDirectory(atPath: output.path + "/topics").map { "topics/" + $0 }
        let paths = ["all.atom", "all.rss", "all.json"] + topics.filter { path in
            !path.hasPrefix("topics/.") && [".atom", ".rss", ".json"].contains { path.hasSuffix($0) }
        }
        return try Dictionary(uniqueKeysWithValues: paths.map { ($0, try Data(contentsOf: output.appendingPathComponent($0))) })
    }

    /// The published URLs of `paths`, sorted.
    static func urls(_ paths: some Sequence<String>) -> [String] {
        paths.map { "https://example.org/feeds/" + $0 }.sorted()
    }

    /// The paths of the feeds whose bytes differ between `before` and `after`.
    static func changed(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] && after[$0] != nil }.sorted()
    }

    @Test("the first publish announces every feed (all.atom, all.rss, all.json, each topic's) and nothing else; the next, nothing")
    func firstAndSecond() async throws {
        try await HubStandIn.run { hub in
            try await TestFiles.withTemporaryFolderAsync { root in
                let configuration = try Self.sample(in: root, hub: hub.url)
                let first = try await Self.publish(configuration)
                let feeds = try Self.feeds(configuration.output)
                #expect(feeds.count == 3 * 14)
                #expect(first.announced == Self.urls(feeds.keys))
                #expect(hub.announcedURLs == Self.urls(feeds.keys))
                #expect(hub.requests.count == 42, "one request per feed")
                #expect(first.failures.isEmpty)
                #expect(first.notices.count == 1 && first.notices[0].contains("no record of what"))
                #expect(first.summary == "websub: announced 42 feeds to \(hub.url)")
                #expect(!hub.announcedURLs.contains { $0.hasSuffix(".opml") || $0.hasSuffix("/topics.json") })

                hub.clear()
                let second = try await Self.publish(configuration)
                #expect(second.announced.isEmpty && second.failures.isEmpty && second.notices.isEmpty)
                #expect(hub.requests.isEmpty)
                #expect(second.summary == "websub: announced 0 feeds to \(hub.url) (no feed changed since the hub was last told)")
            }
        }
    }

    @Test("after a page is edited, exactly the feeds whose bytes changed are announced")
    func editedPage() async throws {
        try await HubStandIn.run { hub in
            try await TestFiles.withTemporaryFolderAsync { root in
                let configuration = try Self.sample(in: root, hub: hub.url)
                _ = try await Self.publish(configuration)
                let before = try Self.feeds(configuration.output)
                hub.clear()

                try TestFiles.editSamplePage(in: root, replacing: "Le Monde newspaper said", with: "Le Monde newspaper reported")
                let report = try await Self.publish(configuration)
                let changed = Self.changed(before, try Self.feeds(configuration.output))
                #expect(changed.count == 18, "Atom, RSS and JSON of all events and of the event's five topics")
                #expect(report.announced == Self.urls(changed))
                #expect(hub.announcedURLs == Self.urls(changed))
                #expect(report.unchanged == 42 - 18)
                #expect(report.summary == "websub: announced 18 feeds to \(hub.url); 24 unchanged")
            }
        }
    }

    @Test("plain builds between publishes: the next publish announces everything they changed")
    func plainBuilds() async throws {
        try await HubStandIn.run { hub in
            try await TestFiles.withTemporaryFolderAsync { root in
                let configuration = try Self.sample(in: root, hub: hub.url)
                _ = try await Self.publish(configuration)
                let before = try Self.feeds(configuration.output)
                hub.clear()

                try TestFiles.editSamplePage(in: root, replacing: "Le Monde newspaper said", with: "Le Monde newspaper reported")
                _ = try Publisher(configuration: configuration).build()
                let page = PageFixture.page(
                    date: "2015-11-18", headline: "A new page about Sergey Shoigu",
                    related: [PageFixture.related("Other", "/news/2014/01/1/other.md", ["Sergey Shoigu"])])
                try TestFiles.write(page, to: "news/2015/11/18/new.md", under: root)
                _ = try Publisher(configuration: configuration).build()

                let report = try await Self.announcer(configuration).announce()
                let changed = Self.changed(before, try Self.feeds(configuration.output))
                #expect(changed.contains("topics/sergey-shoigu.atom") && changed.contains("topics/syria.atom"))
                #expect(report.announced == Self.urls(changed))
                #expect(hub.announcedURLs == Self.urls(changed))
            }
        }
    }

    @Test("feeds the hub refused are kept for the next publish, which announces them and only them")
    func refusedFeeds() async throws {
        let refuseSyria: @Sendable (Int, HubStandIn.Request) -> HubStandIn.Answer = { _, request in
            request.values("hub.url").contains { $0.contains("/syria.") } ? .status(500, "cannot fetch") : .status(202)
        }
        try await HubStandIn.run(answer: refuseSyria) { hub in
            try await TestFiles.withTemporaryFolderAsync { root in
                let configuration = try Self.sample(in: root, hub: hub.url)
                let first = try await Self.publish(configuration)
                let syria = Self.urls(["topics/syria.atom", "topics/syria.json", "topics/syria.rss"])
                #expect(first.failures.map(\.feed) == syria)
                #expect(first.announced.count == 42 - 3)
                #expect(first.failureLines.first == "websub: \(syria[0]): HTTP 500 (cannot fetch) (3 attempts)")
                #expect(first.summary == "websub: announced 39 feeds to \(hub.url) (3 failed; they will be retried on the next publish)")
                #expect(hub.requests.count == 39 + 3 * 3)

                let stillFailing = try await Self.publish(configuration)
                #expect(stillFailing.failures.map(\.feed) == syria && stillFailing.announced.isEmpty)

                hub.answer { _, _ in .status(204) }
                hub.clear()
                let retried = try await Self.publish(configuration)
                #expect(retried.announced == syria && retried.failures.isEmpty)
                #expect(hub.announcedURLs == syria)
                #expect(try await Self.publish(configuration).announced.isEmpty)
            }
        }
    }

    @Test(
        "a damaged, older or missing record, or one for another hub, means every feed is announced, with a notice",
        arguments: [
            ("garbage", "not a WebSub record this version can read"),
            ("feedpub-websub 0\nhub HUB\n", "not a WebSub record this version can read"),
            ("feedpub-websub 1\nhub HUB\nfeed zz 1 2 all.atom\n", "not a WebSub record this version can read"),
            ("feedpub-websub 1\nhub https://other-hub.example/\n", "announced to https://other-hub.example/, not HUB"),
            (nil, "no record of what HUB was told"),
        ])
    func unusableRecord(contents: String?, notice: String) async throws {
        try await HubStandIn.run { hub in
            try await TestFiles.withTemporaryFolderAsync { root in
                let configuration = try Self.sample(in: root, hub: hub.url)
                _ = try await Self.publish(configuration)
                let record = configuration.output.appendingPathComponent(AnnouncementRecord.fileName)
                if let contents {
                    try contents.replacingOccurrences(of: "HUB", with: hub.url).write(to: record, atomically: true, encoding: .utf8)
                } else {
                    try FileManager.default.removeItem(at: record)
                }
                hub.clear()
                let report = try await Self.announcer(configuration).announce()
                #expect(report.notices.count == 1)
                #expect(report.notices.first?.contains(notice.replacingOccurrences(of: "HUB", with: hub.url)) == true, "\(report.notices)")
                #expect(report.notices.first?.hasPrefix(record.path + ": ") == true)
                #expect(report.announced.count == 42)
                #expect(hub.requests.count == 42)
                #expect(try await Self.announcer(configuration).announce().announced.isEmpty, "the record is whole again")
            }
        }
    }

    @Test("feeds rewritten with the same bytes are not announced; their new stamps are recorded, so they are not read again")
    func sameBytes() async throws {
        try await HubStandIn.run { hub in
            try await TestFiles.withTemporaryFolderAsync { root in
                let configuration = try Self.sample(in: root, hub: hub.url)
                _ = try await Self.publish(configuration)
                let record = configuration.output.appendingPathComponent(AnnouncementRecord.fileName)
                let before = try #require(AnnouncementRecord.parse(try TestFiles.bytes(record)))
                for path in try Self.feeds(configuration.output).keys {
                    try FileManager.default.setAttributes(
                        [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                        ofItemAtPath: configuration.output.appendingPathComponent(path).path)
                }
                hub.clear()
                let report = try await Self.announcer(configuration).announce()
                #expect(report.announced.isEmpty && hub.requests.isEmpty)
                let after = try #require(AnnouncementRecord.parse(try TestFiles.bytes(record)))
                #expect(after.feeds.count == 42)
                #expect(after.feeds.values.allSatisfy { $0.stamp.modified == 1_000_000_000 * 1_000_000_000 })
                #expect(after.feeds.mapValues(\.hash) == before.feeds.mapValues(\.hash))
            }
        }
    }

    @Test("the record reads back as written")
    func recordRoundTrip() throws {
        var record = AnnouncementRecord(hub: "https://hub.example/websub?x=1")
        record.feeds["all.atom"] = .init(hash: 0xdead_beef, stamp: FileStamp(path: "all.atom", size: 12, modified: 34))
        record.feeds["topics/a b.rss"] = .init(hash: .max, stamp: FileStamp(path: "topics/a b.rss", size: 0, modified: -5))
        #expect(AnnouncementRecord.parse(record.serialized()) == record)
        #expect(String(decoding: record.serialized(), as: UTF8.self).hasPrefix("feedpub-websub 1\nhub https://hub.example/websub?x=1\nfeed deadbeef 12 34 all.atom\n"))
    }

    @Test("a configuration without websub.hub has no announcer")
    func noHub() {
        #expect(HubAnnouncer(configuration: Configuration()) == nil)
    }
}
