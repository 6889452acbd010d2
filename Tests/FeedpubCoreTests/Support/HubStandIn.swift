import Foundation
import Testing

/// A WebSub hub stand-in: a tiny HTTP/1.1 server on a free loopback port
/// that records every request (method, Content-Type, body and its decoded
/// form fields) and answers as the test says. Its sockets block, so it runs
/// on threads of its own, never on the cooperative pool.
final class HubStandIn: @unchecked Sendable {
    /// One request the hub received.
    struct Request: Sendable {
        let method: String
        let path: String
        let contentType: String?
        let body: String
        /// The body's form fields, decoded, in order.
        let fields: [Field]

        /// The values of the fields named `name`.
        func values(_ name: String) -> [String] {
            fields.filter { $0.name == name }.map(\.value)
        }
    }

    /// One decoded form field.
    struct Field: Sendable, Equatable {
        let name: String
        let value: String
    }

    /// How the hub answers a request.
    enum Answer: Sendable {
        /// This status, with this body.
        case status(Int, String = "")
        /// No answer at all until the stand-in stops.
        case silence
    }

    /// The port it listens on.
    let port: Int
    private let listener: Int32
    private let state: Locked<State>
    private let finished = DispatchSemaphore(value: 0)

    private struct State {
        var requests: [Request] = []
        var answer: @Sendable (_ index: Int, _ request: Request) -> Answer
        var stopped = false
    }

    /// Starts a hub that answers `request`, the one numbered `index` (from
    /// 0), with `answer(index, request)`; by default `202 Accepted`.
    init(answer: @escaping @Sendable (_ index: Int, _ request: Request) -> Answer = { _, _ in .status(202) }) throws {
        state = Locked(State(answer: answer))
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, pointer, &length) == 0
            }
        }
        try #require(bound, "the hub stand-in listens on loopback")
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    /// Runs `body` with a hub that answers as `answer` says, and stops it afterwards.
    static func run<T>(
        answer: @escaping @Sendable (_ index: Int, _ request: Request) -> Answer = { _, _ in .status(202) },
        _ body: (HubStandIn) async throws -> T
    ) async throws -> T {
        let hub = try HubStandIn(answer: answer)
        defer { hub.stop() }
        return try await body(hub)
    }

    /// The hub's URL.
    var url: String { "http://127.0.0.1:\(port)/hub" }

    /// Every request received so far.
    var requests: [Request] {
        state.withLock { $0.requests }
    }

    /// The `hub.url` of every request received so far, sorted.
    var announcedURLs: [String] {
        requests.flatMap { $0.values("hub.url") }.sorted()
    }

    /// Answers the requests from now on with `answer`.
    func answer(with answer: @escaping @Sendable (_ index: Int, _ request: Request) -> Answer) {
        state.withLock { $0.answer = answer }
    }

    /// Forgets the requests received so far.
    func clear() {
        state.withLock { $0.requests = [] }
    }

    /// Stops listening and lets every connection go; waits for the listener.
    /// (The threads hold the stand-in, so it must be stopped to go away.)
    func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { finished.wait() }
    }

    private var isStopped: Bool {
        state.withLock { $0.stopped }
    }

    private func acceptLoop() {
        defer {
            close(listener)
            finished.signal()
        }
        while !isStopped {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 20) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            Thread { [self] in serve(connection) }.start()
        }
    }

    /// Reads one request from `connection`, records it and answers it.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = Self.read(connection) else { return }
        let answer = state.withLock { state in
            state.requests.append(request)
            return state.answer(state.requests.count - 1, request)
        }
        switch answer {
        case .silence:
            while !isStopped { usleep(20_000) }
        case .status(let status, let body):
            let head = "HTTP/1.1 \(status) Hub\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n"
            let bytes = Array((head + body).utf8)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }

    /// One request: its head, then as many body bytes as Content-Length says.
    private static func read(_ connection: Int32) -> Request? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Range<Int>?
        var bodyLength = 0
        while headEnd == nil || received.count < headEnd!.upperBound + bodyLength {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress!, $0.count, 0) }
            guard count > 0 else { return nil }
            received += buffer[..<count]
            if headEnd == nil, let end = received.firstRange(of: separator) {
                headEnd = end
                bodyLength = Int(header("content-length", in: received[..<end.lowerBound]) ?? "0") ?? 0
            }
        }
        let head = String(decoding: received[..<headEnd!.lowerBound], as: UTF8.self)
        let requestLine = (head.components(separatedBy: "\r\n").first ?? "").split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        let body = String(decoding: received[headEnd!.upperBound...], as: UTF8.self)
        return Request(
            method: String(requestLine[0]), path: String(requestLine[1]),
            contentType: header("content-type", in: received[..<headEnd!.lowerBound]), body: body,
            fields: formFields(body))
    }

    private static func header(_ name: String, in head: ArraySlice<UInt8>) -> String? {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").dropFirst()
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 && parts[0].lowercased() == name { return parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// The fields of a form body, decoded as a server would (`+` is a space).
    static func formFields(_ body: String) -> [Field] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "<bad encoding: \(text)>"
            }
            return Field(name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
