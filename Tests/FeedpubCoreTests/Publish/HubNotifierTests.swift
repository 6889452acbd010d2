import FeedpubCore
import Foundation
import Testing

/// The publish notifications themselves, sent over real HTTP to a hub
/// stand-in on loopback.
@Suite("Notifying a WebSub hub")
struct HubNotifierTests {
    /// A notifier of `hub` with test-sized pauses.
    static func notifier(_ hub: String, attempts: Int = 3) throws -> HubNotifier {
        var notifier = HubNotifier(hub: try #require(URL(string: hub)))
        notifier.attempts = attempts
        notifier.backoff = .milliseconds(10)
        notifier.timeout = .seconds(1)
        return notifier
    }

    @Test("form bodies percent-encode every reserved character of a URL", arguments: [
        ("a b+c&d=e%f/é#?~*", "a+b%2Bc%26d%3De%25f%2F%C3%A9%23%3F%7E*"),
        ("hub.mode", "hub.mode"),
        ("https://example.org/feeds/all.atom", "https%3A%2F%2Fexample.org%2Ffeeds%2Fall.atom"),
    ])
    func formEncoding(text: String, encoded: String) {
        #expect(FormEncoding.encoded(text) == encoded)
        #expect(HubStandIn.formFields("x=" + FormEncoding.encoded(text)) == [.init(name: "x", value: text)])
    }

    @Test("one POST per feed, form-encoded hub.mode=publish and hub.url, special characters intact")
    func requests() async throws {
        let feeds = [
            "https://example.org/feeds/all.atom",
            "https://example.org/a+b&c=d%20e/caf%C3%A9.rss?x=1;y=2",
            "https://example.org/feeds/topics/it's-100%.json#top",
        ]
        try await HubStandIn.run { hub in
            let outcomes = try await Self.notifier(hub.url).announce(feeds)
            #expect(outcomes.map(\.feed) == feeds)
            #expect(outcomes.allSatisfy { $0.failure == nil })
            let requests = hub.requests.sorted { $0.body < $1.body }
            #expect(requests.count == 3)
            for request in requests {
                #expect(request.method == "POST")
                #expect(request.path == "/hub")
                #expect(request.contentType == "application/x-www-form-urlencoded")
                #expect(request.fields.map(\.name) == ["hub.mode", "hub.url"])
                #expect(request.values("hub.mode") == ["publish"])
            }
            #expect(hub.announcedURLs == feeds.sorted())
            #expect(requests.contains { $0.body == "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Fa%2Bb%26c%3Dd%2520e%2Fcaf%25C3%25A9.rss%3Fx%3D1%3By%3D2" })
        }
    }

    @Test("a hub that fails twice with 500 is asked again, after a pause, until it accepts")
    func retries() async throws {
        try await HubStandIn.run(answer: { index, _ in index < 2 ? .status(500, "busy") : .status(204) }) { hub in
            let outcomes = try await Self.notifier(hub.url).announce(["https://example.org/feeds/all.atom"])
            #expect(outcomes.map(\.failure) == [nil])
            #expect(hub.requests.count == 3)
        }
    }

    @Test("a hub that keeps failing: each feed is tried three times, and the reason names the status and the hub's words")
    func persistentFailure() async throws {
        try await HubStandIn.run(answer: { _, _ in .status(503, "hub is down\nsee https://status.example") }) { hub in
            let outcomes = try await Self.notifier(hub.url).announce(["https://example.org/feeds/all.atom", "https://example.org/feeds/all.rss"])
            #expect(outcomes.map(\.failure) == Array(repeating: "HTTP 503 (hub is down) (3 attempts)", count: 2))
            #expect(hub.requests.count == 6)
        }
    }

    @Test("a 4xx other than 408 and 429 is the hub's answer: not repeated")
    func refusal() async throws {
        try await HubStandIn.run(answer: { _, _ in .status(400, "unknown topic") }) { hub in
            let outcomes = try await Self.notifier(hub.url).announce(["https://example.org/feeds/all.atom"])
            #expect(outcomes.map(\.failure) == ["HTTP 400 (unknown topic)"])
            #expect(hub.requests.count == 1)
        }
    }

    @Test("a hub that does not answer times out, and the feeds after it are not sent")
    func silentHub() async throws {
        try await HubStandIn.run(answer: { _, _ in .silence }) { hub in
            var notifier = try Self.notifier(hub.url, attempts: 1)
            notifier.concurrency = 1
            let outcomes = await notifier.announce((1...5).map { "https://example.org/feeds/topics/\($0).atom" })
            #expect(outcomes[0].failure == "no answer within 1 s")
            for outcome in outcomes.dropFirst() {
                #expect(outcome.failure == "not sent: the hub could not be reached")
            }
            #expect(hub.requests.count == 1, "one timeout, not five")
        }
    }

    @Test("no hub listening: the reason says the connection failed, and the rest are not sent")
    func unreachableHub() async throws {
        let closed = try HubStandIn()
        let url = closed.url
        closed.stop()
        let outcomes = try await Self.notifier(url).announce((1...20).map { "https://example.org/feeds/topics/\($0).atom" })
        let first = try #require(outcomes.first?.failure)
        #expect(first.contains("onnect") && first.contains("(3 attempts)"), "\(first)")
        #expect(outcomes.allSatisfy { $0.failure != nil })
        #expect(outcomes.filter { $0.failure == "not sent: the hub could not be reached" }.count >= 20 - 4)
    }
}
