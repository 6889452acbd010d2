import CompressNIO
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Serves an output folder over HTTP on loopback, for subscribing and
/// previewing locally: the right media type for each file, `ETag` and
/// `Last-Modified` with `304 Not Modified`, gzip for clients that accept it,
/// `HEAD`, and nothing outside the folder.
public struct FeedServer: Sendable {
    /// The files served.
    public let files: FeedFiles
    /// The port to listen on; 0 picks a free one.
    public let port: Int

    /// A server of `files` on `port` (0 for any free port).
    public init(files: FeedFiles, port: Int) {
        self.files = files
        self.port = port
    }

    /// Runs until the task is cancelled or the process gets SIGINT/SIGTERM;
    /// `listening` hears the port once the server accepts connections.
    public func run(listening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router()
        let files = self.files
        for path in ["/", "**"] {
            router.get(RouterPath(path)) { request, _ in Self.respond(to: request, from: files) }
            router.head(RouterPath(path)) { request, _ in Self.respond(to: request, from: files).createHeadResponse() }
        }
        var logger = Logger(label: "feedpub.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in await listening(channel.localAddress?.port ?? 0) }, logger: logger)
        try await app.runService()
    }

    /// The response to a GET request (a HEAD request gets its head).
    static func respond(to request: Request, from files: FeedFiles) -> Response {
        guard let file = files.file(at: request.uri.path) else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "not found\n")))
        }
        var headers: HTTPFields = [
            .contentType: file.contentType, .eTag: file.entityTag,
            .lastModified: HTTPDate.string(file.lastModified), .cacheControl: "no-cache", .vary: "Accept-Encoding",
        ]
        if isFresh(file, request.headers) { return Response(status: .notModified, headers: headers) }
        var body = ByteBuffer(bytes: file.bytes)
        if acceptsGzip(request.headers[.acceptEncoding]), let compressed = try? body.compress(with: .gzip()) {
            body = compressed
            headers[.contentEncoding] = "gzip"
        }
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// Whether the client's copy is current: its `If-None-Match` names the
    /// file's tag, or, without one, its `If-Modified-Since` is not older.
    static func isFresh(_ file: FeedFiles.File, _ headers: HTTPFields) -> Bool {
        let tags = headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if !tags.isEmpty { return tags.contains(file.entityTag) || tags.contains("*") }
        guard let since = headers[.ifModifiedSince].flatMap(HTTPDate.date) else { return false }
        return file.lastModified <= since
    }

    /// Whether `Accept-Encoding` allows gzip (not refused with `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard pieces.first == "gzip" || pieces.first == "x-gzip" else { return false }
            return !pieces.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
        }
    }
}
