/// Mojibake as real pages carry it: UTF-8 text decoded as Windows-1252 and
/// encoded as UTF-8 again, so `’` becomes `â€™`, `é` becomes `Ã©`, `“`
/// becomes `â€œ` and `—` becomes `â€”`.
enum Mojibake {
    /// Windows-1252 code points for bytes 0x80–0x9F; 0 marks the five bytes the
    /// code page leaves undefined, which a lenient decoder drops.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Returns `text` garbled. ASCII bytes stay as they are, so the slug of a
    /// garbled headline equals the slug of the clean one.
    static func garble(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 2)
        for byte in text {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
            if scalar == 0 { continue }
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    /// Appends the UTF-8 form of a Basic Multilingual Plane scalar.
    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        if scalar < 0x800 {
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
