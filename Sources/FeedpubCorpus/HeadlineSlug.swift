/// The news site's slug rule, which names an event's page after its headline.
///
/// The headline is lowercased, every run of characters other than ASCII
/// `a-z` and `0-9` becomes one `-`, the result is cut to 139 characters and
/// then stripped of `-` at both ends. The publisher relies on the same rule.
public enum HeadlineSlug {
    /// The length the slug is cut to before its ends are stripped.
    public static let maximumLength = 139

    /// Returns the slug of `headline`.
    public static func slug(of headline: String) -> String {
        let bytes = slug(utf8: Array(headline.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Returns the slug of a headline given as UTF-8 bytes (ASCII fast path;
    /// any other text goes through Unicode lowercasing, as `slug(of:)` does).
    /// Bytes that are not valid UTF-8 count as characters other than `a-z0-9`.
    static func slug(utf8 headline: [UInt8]) -> [UInt8] {
        var isASCII = true
        for byte in headline where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            return collapse(headline.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        }
        let lowered = String(decoding: headline, as: UTF8.self).lowercased()
        let scalars = lowered.unicodeScalars.lazy.map { scalar -> UInt8 in
            scalar.value < 0x80 ? UInt8(scalar.value) : 0x80
        }
        return collapse(scalars)
    }

    /// Turns runs of non-`[a-z0-9]` into one `-`, cuts, and strips the ends.
    /// Expects already lowercased input; values of 0x80 and above are non-ASCII.
    private static func collapse<Bytes: Sequence>(_ lowered: Bytes) -> [UInt8]
    where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(maximumLength + 1)
        var pendingDash = false
        for byte in lowered {
            let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isWordByte {
                if pendingDash {
                    out.append(0x2D)
                    pendingDash = false
                    if out.count >= maximumLength { break }
                }
                out.append(byte)
                if out.count >= maximumLength { break }
            } else {
                pendingDash = true
            }
        }
        if pendingDash && out.count < maximumLength { out.append(0x2D) }
        var start = 0
        var end = out.count
        while start < end && out[start] == 0x2D { start += 1 }
        while end > start && out[end - 1] == 0x2D { end -= 1 }
        return Array(out[start..<end])
    }
}
