/// Rules for text that may appear in an XML 1.0 document.
public enum XMLText {
    /// Whether `scalar` may appear in XML 1.0 content and is not a discouraged
    /// control character (C0 other than tab, LF, CR; DEL and C1; U+FFFE, U+FFFF).
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        if value < 0x7F { return true }
        if value <= 0x9F { return false }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// `text` with every character that ``isAllowed(_:)`` rejects removed.
    public static func sanitized(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A || $0 == 0x09 }) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
