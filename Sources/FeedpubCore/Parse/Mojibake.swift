/// Repairs text that was UTF-8 but got decoded as Windows-1252 somewhere on
/// its way into a page: `Franceâ€™s` → `France’s`, `Ã©` → `é`.
///
/// A run is repaired only when its Windows-1252 bytes form one well-formed
/// UTF-8 multi-byte character, so correct text is left alone. Text that was
/// mangled twice is repaired twice.
public enum Mojibake {
    /// `text` with every UTF-8-read-as-Windows-1252 sequence decoded.
    public static func repair(_ text: String) -> String {
        guard mayBeMangled(text) else { return text }
        var current = text
        for _ in 0..<2 {
            guard let repaired = repairOnce(current) else { break }
            current = repaired
        }
        return current
    }

    /// A quick look at the UTF-8 bytes: a lead character `Â`…`ô` (`C3 82`…`C3 B4`)
    /// directly followed by a character Windows-1252 has at 0x80–0xBF (`C2 xx`,
    /// or one of its punctuation marks at `C5`, `C6`, `CB` or `E2`).
    private static func mayBeMangled(_ text: String) -> Bool {
        let bytes = text.utf8.span
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0xC3 {
            let next = bytes[index + 2]
            if (0x82...0xB4).contains(bytes[index + 1]),
                next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2
            {
                return true
            }
        }
        return false
    }

    private static func repairOnce(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var changed = false
        var index = 0
        while index < scalars.count {
            if let (decoded, length) = decode(scalars, at: index) {
                output.append(decoded)
                index += length
                changed = true
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(output) : nil
    }

    private static func decode(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard let lead = windows1252Byte(scalars[index]), lead >= 0xC2, lead <= 0xF4 else { return nil }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= scalars.count else { return nil }
        var bytes = [lead]
        for offset in 1..<length {
            guard let byte = windows1252Byte(scalars[index + offset]), byte >= 0x80, byte <= 0xBF else { return nil }
            bytes.append(byte)
        }
        var decoded = String(validating: bytes, as: UTF8.self)?.unicodeScalars.makeIterator()
        guard let scalar = decoded?.next(), decoded?.next() == nil else { return nil }
        return (scalar, length)
    }

    /// The Windows-1252 byte that decodes to `scalar`, if any (0x80–0xFF only).
    private static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0xA0...0xFF).contains(value) || (0x80...0x9F).contains(value) { return UInt8(value) }
        return windows1252High[value]
    }

    /// Windows-1252's characters for bytes 0x80–0x9F other than the C1 codes.
    private static let windows1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
