import CompressNIO
import FeedpubCore
import FeedpubServer
import Foundation
import NIOCore
import Testing

/// `feedpub serve`'s server, started on a free loopback port and spoken to
/// over real HTTP/1.1 sockets.
@Suite("Serving the output folder")
struct FeedServerTests {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]
    }

    /// Sends `request` (a request line and header lines) to the server and
    /// reads the whole reply, on a thread of its own: blocking socket calls
    /// must not hold the threads the server's handlers run on.
    static func send(_ lines: [String], port: Int) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try exchange(lines, port: port) }) }.start()
        }
    }

    private static func exchange(_ lines: [String], port: Int) throws -> Reply {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let request = Array((lines + ["Host: 127.0.0.1", "Connection: close", "", ""]).joined(separator: "\r\n").utf8)
        _ = request.withUnsafeBytes { write(socket, $0.baseAddress!, $0.count) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            received += buffer[..<count]
        }
        let separator = Array("\r\n\r\n".utf8)
        let end = try #require(received.firstRange(of: separator))
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        return Reply(status: status, headers: headers, body: Array(received[end.upperBound...]))
    }

    /// Runs `body` with a server of a fresh build of the sample on a free port.
    static func withServer(_ body: (URL, Int) async throws -> Void) async throws {
        try await TestFiles.withTemporaryFolderAsync { root in
            var configuration = try ConfigurationLoader().load(TestFiles.packageRoot.appendingPathComponent("config.json"))
            configuration.output = root.appendingPathComponent("feeds")
            _ = try Publisher(configuration: configuration).build()
            let port = Locked(0)
            let server = Task {
                try await FeedServer(files: FeedFiles(root: configuration.output), port: 0).run { bound in
                    port.withLock { $0 = bound }
                }
            }
            defer { server.cancel() }
            for _ in 0..<500 where port.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(10)) }
            try #require(port.withLock { $0 } != 0, "the server started")
            try await body(configuration.output, port.withLock { $0 })
        }
    }

    @Test("each kind of file comes with its media type and its exact bytes")
    func mediaTypes() async throws {
        try await Self.withServer { folder, port in
            let expected = [
                "/topics/syria.atom": "application/atom+xml", "/topics/syria.rss": "application/rss+xml",
                "/topics/syria.json": "application/feed+json", "/index.opml": "text/x-opml",
                "/topics.json": "application/json", "/topics/syria.html": "text/html; charset=utf-8",
                "/index.html": "text/html; charset=utf-8", "/": "text/html; charset=utf-8",
            ]
            for (path, type) in expected {
                let reply = try await Self.send(["GET \(path) HTTP/1.1"], port: port)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.headers["content-type"] == type, "\(path)")
                let file = path == "/" ? "index.html" : String(path.dropFirst())
                #expect(reply.body == (try TestFiles.bytes(folder.appendingPathComponent(file))), "\(path)")
            }
        }
    }

    @Test("HEAD gives the headers without the body; ETag and Last-Modified give 304 Not Modified")
    func validators() async throws {
        try await Self.withServer { folder, port in
            let head = try await Self.send(["HEAD /all.atom HTTP/1.1"], port: port)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            let size = try TestFiles.bytes(folder.appendingPathComponent("all.atom")).count
            #expect(head.headers["content-length"] == String(size))
            let tag = try #require(head.headers["etag"])
            let modified = try #require(head.headers["last-modified"])
            #expect(try await Self.send(["GET /all.atom HTTP/1.1", "If-None-Match: \(tag)"], port: port).status == 304)
            #expect(try await Self.send(["GET /all.atom HTTP/1.1", "If-None-Match: \"other\", \(tag)"], port: port).status == 304)
            #expect(try await Self.send(["GET /all.atom HTTP/1.1", "If-None-Match: \"other\""], port: port).status == 200)
            #expect(try await Self.send(["GET /all.atom HTTP/1.1", "If-Modified-Since: \(modified)"], port: port).status == 304)
            let old = "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT"
            #expect(try await Self.send(["GET /all.atom HTTP/1.1", old], port: port).status == 200)
            let other = try await Self.send(["HEAD /all.rss HTTP/1.1"], port: port)
            #expect(other.headers["etag"] != tag, "another file, another tag")
        }
    }

    @Test("gzip when the client accepts it, and the bytes come back whole")
    func gzip() async throws {
        try await Self.withServer { folder, port in
            let reply = try await Self.send(["GET /topics/syria.rss HTTP/1.1", "Accept-Encoding: br, gzip"], port: port)
            #expect(reply.status == 200)
            #expect(reply.headers["content-encoding"] == "gzip")
            #expect(reply.headers["vary"] == "Accept-Encoding")
            var buffer = ByteBuffer(bytes: reply.body)
            let plain = try buffer.decompress(with: .gzip())
            #expect(Array(plain.readableBytesView) == (try TestFiles.bytes(folder.appendingPathComponent("topics/syria.rss"))))
            let refused = try await Self.send(["GET /topics/syria.rss HTTP/1.1", "Accept-Encoding: gzip;q=0"], port: port)
            #expect(refused.headers["content-encoding"] == nil)
        }
    }

    @Test("no path leads outside the folder or to its hidden files", arguments: [
        "/../config.json", "/%2e%2e/config.json", "/topics/..%2f..%2fconfig.json", "/topics/%2E%2E/%2E%2E/news",
        "/.feedpub-manifest", "/.feedpub-lock", "/topics/", "/topics", "/%2fetc%2fpasswd", "/topics/..\\..\\x.atom",
        "/nothing.atom", "/all.atom%00.html",
    ])
    func noTraversal(path: String) async throws {
        try await Self.withServer { _, port in
            let reply = try await Self.send(["GET \(path) HTTP/1.1"], port: port)
            #expect(reply.status == 404)
        }
    }

    @Test("--watch rebuilds after a page changes, and the server hands out the new feed")
    func watch() async throws {
        try await TestFiles.withTemporaryFolderAsync { root in
            try FileManager.default.copyItem(
                at: TestFiles.packageRoot.appendingPathComponent("news"), to: root.appendingPathComponent("news"))
            var configuration = Configuration()
            configuration.input = root
            configuration.output = root.appendingPathComponent("feeds")
            _ = try Publisher(configuration: configuration).build()
            let reports = Locked<[String]>([])
            let frozen = configuration
            let watcher = Task {
                await BuildWatcher(configurationFile: nil, adjust: { _ in frozen }).run(every: .milliseconds(50)) { line in
                    reports.withLock { $0.append(line) }
                }
            }
            defer { watcher.cancel() }
            try await Task.sleep(for: .milliseconds(200))
            try TestFiles.editSamplePage(in: root, replacing: "Le Monde newspaper said", with: "Le Monde newspaper reported")
            let syria = configuration.output.appendingPathComponent("topics/syria.atom")
            // The feed is in place before the build that wrote it is over and
            // reported: wait for both.
            func isDone() throws -> Bool {
                try String(contentsOf: syria, encoding: .utf8).contains("newspaper reported")
                    && reports.withLock { $0 }.contains { $0.hasPrefix("rebuilt: ") }
            }
            for _ in 0..<600 where try !isDone() {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try String(contentsOf: syria, encoding: .utf8).contains("Le Monde newspaper reported"))
            #expect(reports.withLock { $0 }.contains { $0.hasPrefix("rebuilt: ") })
        }
    }
}
