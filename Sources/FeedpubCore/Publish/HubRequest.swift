import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One publish notification (WebSub §7): a POST to the hub of the form body
/// `hub.mode=publish&hub.url=<feed URL>`, and what came of it.
struct HubRequest: Sendable {
    /// What one attempt came to.
    enum Result: Sendable, Equatable {
        /// The hub answered with a 2xx status.
        case accepted
        /// The hub answered with another status; `detail` is the first line
        /// of its body, if any.
        case refused(status: Int, detail: String)
        /// No answer: the connection failed or timed out.
        case unreachable(String)

        /// Whether another attempt may go better: no answer, 408, 429 or 5xx.
        /// Any other refusal is the hub's answer to this request as it is.
        var isRetryable: Bool {
            switch self {
            case .accepted: return false
            case .refused(let status, _): return status == 408 || status == 429 || status >= 500
            case .unreachable: return true
            }
        }

        /// Why the hub was not told, for a report line.
        var reason: String {
            switch self {
            case .accepted: return "accepted"
            case .refused(let status, let detail): return "HTTP \(status)" + (detail.isEmpty ? "" : " (\(detail))")
            case .unreachable(let why): return why
            }
        }
    }

    /// The hub's URL.
    let hub: URL
    /// The feed's URL, as published.
    let feed: String
    /// How long to wait for an answer.
    let timeout: Duration

    /// The form body.
    var body: String {
        FormEncoding.body([("hub.mode", "publish"), ("hub.url", feed)])
    }

    /// The timeout in the whole seconds FoundationNetworking honours (it
    /// drops the fraction, and times out at once below one second).
    var timeoutSeconds: Int {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        return max(1, Int(seconds.rounded(.up)))
    }

    /// Sends the request once through `session`.
    func send(with session: URLSession) async -> Result {
        var request = URLRequest(url: hub)
        request.httpMethod = "POST"
        request.timeoutInterval = TimeInterval(timeoutSeconds)
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("\(FeedpubVersion.name)/\(FeedpubVersion.current)", forHTTPHeaderField: "User-Agent")
        request.httpBody = Data(body.utf8)
        do {
            let (data, response) = try await session.data(for: request)
            guard let response = response as? HTTPURLResponse else { return .unreachable("not an HTTP answer") }
            if (200..<300).contains(response.statusCode) { return .accepted }
            return .refused(status: response.statusCode, detail: Self.firstLine(of: data))
        } catch let error as URLError {
            return .unreachable(describe(error))
        } catch {
            return .unreachable("\(error)")
        }
    }

    /// The first line of a hub's answer, trimmed and cut to 200 characters.
    static func firstLine(of data: Data) -> String {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// `error` in words: curl's message when FoundationNetworking passes it
    /// on, which names the host and port.
    private func describe(_ error: URLError) -> String {
        if error.code == .timedOut { return "no answer within \(timeoutSeconds) s" }
        let message = error.localizedDescription
        if message.isEmpty || message.contains("(null)") || message.contains("error \(error.code.rawValue)") {
            return "cannot reach the hub (URL error \(error.code.rawValue))"
        }
        return message
    }
}
