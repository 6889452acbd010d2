import FeedpubCore
import Testing

@Suite("Cover images")
struct CoverImageTests {
    @Test(
        "the enclosure's type comes from the path's extension, whatever the case, query or fragment",
        arguments: [
            ("https://example.org/a/photo.jpg", "image/jpeg"),
            ("https://example.org/a/photo.JPEG", "image/jpeg"),
            ("https://example.org/map.png?width=640&v=2.1", "image/png"),
            ("https://example.org/anim.gif#frame.3", "image/gif"),
            ("https://example.org/x.webp", "image/webp"),
            ("https://example.org/logo.Svg", "image/svg+xml"),
            ("https://cdn.example.org/photo", nil),
            ("https://cdn.example.org/v1.2/photo", nil),
            ("https://example.org/file.jpg/", nil),
            ("https://example.org/page.html", nil),
            ("https://example.org/photo?format=image.png", nil),
            ("https://example.org/Zürich.Png", "image/png"),
        ] as [(String, String?)])
    func mimeType(url: String, expected: String?) {
        #expect(CoverImage(url: url).mimeType == expected)
    }
}
