/// The picture a page shows at its top, published as the entry's enclosure.
public struct CoverImage: Hashable, Sendable {
    /// The image's absolute http(s) URL.
    public let url: String

    /// The MIME type implied by the URL path's extension, or nil when the
    /// extension is missing or not one of jpg, jpeg, png, gif, webp, svg:
    /// no guess is better than a wrong one.
    public let mimeType: String?

    /// A cover image at `url`.
    public init(url: String) {
        self.url = url
        mimeType = Self.mimeType(of: url)
    }

    private static func mimeType(of url: String) -> String? {
        // Byte by byte: the page cache makes a cover for most pages it reads.
        var path = url.utf8[...]
        if let end = path.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            path = path[..<end]
        }
        guard let dot = path.lastIndex(of: UInt8(ascii: ".")), !path[dot...].contains(UInt8(ascii: "/")) else {
            return nil
        }
        switch String(decoding: path[path.index(after: dot)...], as: UTF8.self).lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        default: return nil
        }
    }
}
