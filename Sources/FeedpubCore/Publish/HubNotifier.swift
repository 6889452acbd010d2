import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Tells a WebSub hub that feeds changed: one POST per feed of
/// `hub.mode=publish&hub.url=<feed URL>`, form-encoded, a few at a time.
///
/// One `hub.url` per request is the form every hub accepts; some take
/// several in one request, others only the first, so feedpub does not batch.
/// Any 2xx answer means the hub took the notification. No answer, 408, 429
/// and 5xx are tried again after a pause that doubles each time; another
/// status is the hub's considered answer and is not repeated. When the hub
/// cannot be reached at all, the feeds not yet sent are not tried: each would
/// only wait for the same timeout.
public struct HubNotifier: Sendable {
    /// What became of one feed's notification.
    public struct Outcome: Sendable, Equatable {
        /// The feed's URL.
        public let feed: String
        /// Why the hub was not told; nil when it was.
        public let failure: String?
    }

    /// The hub's URL.
    public let hub: URL
    /// Requests per feed at most, the first included.
    public var attempts = 3
    /// The pause before the second attempt; it doubles before each next one.
    public var backoff: Duration = .milliseconds(500)
    /// How long one request may wait for an answer (whole seconds; see
    /// ``HubRequest/timeoutSeconds``).
    public var timeout: Duration = .seconds(10)
    /// Requests under way at once.
    public var concurrency = 4

    /// A notifier of the hub at `hub`, with the default retries and timeout.
    public init(hub: URL) {
        self.hub = hub
    }

    /// Tells the hub about each of `feeds` (URLs); the outcomes are in the
    /// same order.
    public func announce(_ feeds: [String]) async -> [Outcome] {
        guard !feeds.isEmpty else { return [] }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        var outcomes = [Outcome?](repeating: nil, count: feeds.count)
        await withTaskGroup(of: (Int, Sent).self) { group in
            var next = 0
            var unreachable = false
            while next < min(max(1, concurrency), feeds.count) {
                group.addTask { [next] in (next, await send(feeds[next], with: session)) }
                next += 1
            }
            while let (index, sent) = await group.next() {
                outcomes[index] = sent.outcome
                unreachable = unreachable || sent.hubUnreachable
                guard next < feeds.count else { continue }
                if unreachable {
                    for index in next..<feeds.count {
                        outcomes[index] = Outcome(feed: feeds[index], failure: "not sent: the hub could not be reached")
                    }
                    next = feeds.count
                } else {
                    group.addTask { [next] in (next, await send(feeds[next], with: session)) }
                    next += 1
                }
            }
        }
        return outcomes.map { $0! }
    }

    /// One feed's outcome, and whether the hub gave no answer at all.
    private struct Sent: Sendable {
        let outcome: Outcome
        let hubUnreachable: Bool
    }

    /// Sends the notification for `feed`, trying again while that may help.
    private func send(_ feed: String, with session: URLSession) async -> Sent {
        let request = HubRequest(hub: hub, feed: feed, timeout: timeout)
        var pause = backoff
        var attempt = 1
        while true {
            let result = await request.send(with: session)
            if result == .accepted { return Sent(outcome: Outcome(feed: feed, failure: nil), hubUnreachable: false) }
            if attempt >= attempts || !result.isRetryable {
                let tries = attempt > 1 ? " (\(attempt) attempts)" : ""
                let unreachable = if case .unreachable = result { true } else { false }
                return Sent(outcome: Outcome(feed: feed, failure: result.reason + tries), hubUnreachable: unreachable)
            }
            try? await Task.sleep(for: pause)
            pause *= 2
            attempt += 1
        }
    }
}
