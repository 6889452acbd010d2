/// Builds the small HTML fragments feed entries carry, escaping all text.
///
/// The fragment is a string of HTML that the XML writer then escapes again as
/// element text, which is how Atom `type="html"` and RSS carry HTML.
///
/// It is built as UTF-8 bytes: appending interpolated strings made and
/// freed several strings for each paragraph of every entry.
struct HTMLFragment {
    private var bytes: [UInt8] = []

    /// An empty fragment with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The fragment's HTML.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `<tag>escaped text</tag>`.
    mutating func element(_ tag: String, _ text: String) {
        bytes += "<".utf8
        bytes += tag.utf8
        bytes += ">".utf8
        Self.append(escaping: text, to: &bytes)
        bytes += "</".utf8
        bytes += tag.utf8
        bytes += ">".utf8
    }

    /// Appends raw markup that the caller has built from escaped parts.
    mutating func raw(_ markup: String) {
        bytes += markup.utf8
    }

    /// Appends `<a href="url">text</a>` with both escaped.
    mutating func link(_ url: String, _ text: String) {
        Self.append(link: url, text, to: &bytes)
    }

    /// `<a href="url">text</a>` with both escaped.
    static func link(_ url: String, _ text: String) -> String {
        "<a href=\"\(escaped(url))\">\(escaped(text))</a>"
    }

    /// Appends `<a href="url">text</a>`, both escaped, to `bytes`.
    static func append(link url: String, _ text: String, to bytes: inout [UInt8]) {
        bytes += "<a href=\"".utf8
        append(escaping: url, to: &bytes)
        bytes += "\">".utf8
        append(escaping: text, to: &bytes)
        bytes += "</a>".utf8
    }

    /// `text` with `& < > " '` replaced by character references.
    static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var bytes: [UInt8] = []
        append(escaping: text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` with `& < > " '` replaced by character references.
    private static func append(escaping text: String, to bytes: inout [UInt8]) {
        guard needsEscaping(text) else {
            bytes += text.utf8
            return
        }
        bytes.reserveCapacity(bytes.count + text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
    }

    /// Whether `text` holds any of `& < > " '`.
    private static func needsEscaping(_ text: String) -> Bool {
        text.containsByte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    }
}
