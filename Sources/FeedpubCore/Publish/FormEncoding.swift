/// `application/x-www-form-urlencoded` bodies, as the WHATWG URL standard
/// serializes them: every byte but `A-Z a-z 0-9 * - . _` is percent-encoded
/// (a space as `+`), so a URL's own `&`, `=`, `+`, `%` and `#` reach the
/// server as the characters they are.
public enum FormEncoding {
    /// `fields` as one form body, in order: `name=value&name=value`.
    public static func body(_ fields: [(name: String, value: String)]) -> String {
        fields.map { encoded($0.name) + "=" + encoded($0.value) }.joined(separator: "&")
    }

    /// `text` encoded for a form body.
    public static func encoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isPlain(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes += WebURL.percentEncoded(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        WebURL.isAlphanumeric(byte) || "*-._".utf8.contains(byte)
    }
}
