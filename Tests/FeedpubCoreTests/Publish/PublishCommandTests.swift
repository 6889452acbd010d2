import FeedpubCore
import Foundation
import Testing

/// `feedpub publish` and `feedpub build --ping`, run as a user or cron
/// would, against a hub stand-in on loopback.
@Suite("The feedpub publish command")
struct PublishCommandTests {
    let command = FeedpubCommandTests()

    /// Sets `websub.hub` to `hub` in the sample's config.json at `root`.
    func configure(hub: String, in root: URL) throws {
        let file = root.appendingPathComponent("config.json")
        var settings = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        settings["websub"] = ["hub": hub]
        try JSONSerialization.data(withJSONObject: settings).write(to: file)
    }

    @Test(
        "without websub.hub, publish and build --ping exit 2 with one line saying where to set it, before building",
        arguments: [["publish"], ["build", "--ping"], ["publish", "--config", "site.json"]])
    func noHub(arguments: [String]) throws {
        try command.withSample { root in
            try FileManager.default.copyItem(
                at: root.appendingPathComponent("config.json"), to: root.appendingPathComponent("site.json"))
            let result = try command.run(arguments, in: root)
            #expect(result.status == 2)
            let file = arguments.count == 3 ? "site.json" : "config.json"
            #expect(result.errors == "feedpub: no WebSub hub to notify: set websub.hub in \(file), "
                + #"for example "websub": {"hub": "https://pubsubhubbub.appspot.com/"}"# + "\n")
            #expect(result.output.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: root.path + "/feeds"), "nothing built")
        }
    }

    @Test("publish announces every feed, then only changed ones; a hub that fails exits 1, and the next publish retries")
    func publish() async throws {
        try await HubStandIn.run { hub in
            try command.withSample { root in
                try configure(hub: hub.url, in: root)
                let first = try command.run(["publish", "--quiet"], in: root)
                #expect(first.status == 0, "\(first.errors)")
                let lines = first.output.split(separator: "\n")
                #expect(lines.count == 2 && lines[0].hasPrefix("2 pages read, 13 events"), "the build's summary first")
                #expect(lines.last == "websub: announced 42 feeds to \(hub.url)")
                #expect(first.errors.hasPrefix("notice: \(root.path)/feeds/.feedpub-websub: no record of what"))
                #expect(hub.requests.count == 42)

                let ping = try command.run(["build", "--ping", "--quiet"], in: root)
                #expect(ping.status == 0 && ping.errors.isEmpty, "\(ping.errors)")
                #expect(ping.output.hasSuffix("websub: announced 0 feeds to \(hub.url) (no feed changed since the hub was last told)\n"))
                #expect(hub.requests.count == 42)

                hub.answer { _, request in
                    request.values("hub.url").contains { $0.contains("/syria.") } ? .status(503, "try later") : .status(202)
                }
                try TestFiles.editSamplePage(
                    in: root, replacing: "Le Monde newspaper said", with: "Le Monde newspaper reported")
                let failing = try command.run(["publish", "--quiet"], in: root)
                #expect(failing.status == 1)
                // (Under AddressSanitizer, LeakSanitizer adds its own lines.)
                #expect(failing.errors.split(separator: "\n").filter { $0.hasPrefix("websub:") } == ["atom", "json", "rss"].map {
                    "websub: https://example.org/feeds/topics/syria.\($0): HTTP 503 (try later) (3 attempts)"
                })
                #expect(failing.output.hasSuffix(
                    "websub: announced 15 feeds to \(hub.url) (3 failed; they will be retried on the next publish); 24 unchanged\n"))
                let syria = try String(contentsOf: root.appendingPathComponent("feeds/topics/syria.atom"), encoding: .utf8)
                #expect(syria.contains("Le Monde newspaper reported"), "the build stands")

                hub.answer { _, _ in .status(204) }
                hub.clear()
                let retried = try command.run(["publish", "--quiet"], in: root)
                #expect(retried.status == 0)
                #expect(retried.output.hasSuffix("websub: announced 3 feeds to \(hub.url); 39 unchanged\n"))
                #expect(hub.announcedURLs == ["atom", "json", "rss"].map { "https://example.org/feeds/topics/syria.\($0)" })
            }
        }
    }
}
