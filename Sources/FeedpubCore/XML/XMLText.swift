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

    /// Whether `text` may hold a character that ``isAllowed(_:)`` rejects or a
    /// tab, CR or LF: a quick look at the UTF-8 bytes (C0 and DEL, C1 as
    /// `C2 80…9F`, U+FFFE and U+FFFF as `EF BF BE/BF`).
    public static func mayNeedCleaning(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xEF && previous == 0xBF && byte >= 0xBE { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// `text` with every character that ``isAllowed(_:)`` rejects removed.
    public static func sanitized(_ text: String) -> String {
        guard mayNeedCleaning(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
