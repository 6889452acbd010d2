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
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        default: return nil
        }
    }
}
