import Foundation

/// The news site's slug rule, which names an event's page after its headline.
///
/// The trimmed headline is lowercased and cut to its first 140 characters;
/// every run of characters other than ASCII `a-z` and `0-9` becomes one `-`,
/// and `-` is stripped at both ends. Every Related path in the real seed pages
/// follows this rule (FORMAT.md's "cut to 139 after slugging" does not), so the
/// generated corpus does too. Kept apart from the publisher's own code on
/// purpose: the generator is the independent ground truth the tests check it by.
public enum HeadlineSlug {
    /// How many characters of the headline the slug is made from.
    public static let maximumLength = 140

    /// Returns the slug of `headline`.
    public static func slug(of headline: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(maximumLength)
        var pendingDash = false
        let lowered = headline.trimmingCharacters(in: .whitespaces).lowercased()
        for scalar in lowered.unicodeScalars.prefix(maximumLength) {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                if pendingDash && !out.isEmpty { out.append(0x2D) }
                pendingDash = false
                out.append(UInt8(value))
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Returns the slug of a headline given as UTF-8 bytes; bytes that are not
    /// valid UTF-8 count as characters other than `a-z0-9`.
    static func slug(utf8 headline: [UInt8]) -> [UInt8] {
        Array(slug(of: String(decoding: headline, as: UTF8.self)).utf8)
    }
}
