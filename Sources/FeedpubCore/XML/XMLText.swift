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
        let bytes = text.utf8.span
        // Only C0 controls, DEL, and the lead bytes of C1 (C2) and U+FFFE/F (EF) matter.
        for index in bytes.indices where bytes[index] < 0x20 || bytes[index] == 0x7F || bytes[index] == 0xC2
            || bytes[index] == 0xEF
        {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                return true
            }
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
