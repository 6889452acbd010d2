import Foundation

/// Dates as HTTP writes them (RFC 9110 IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`).
enum HTTPDate {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    private static let lock = NSLock()

    /// `date` as an IMF-fixdate.
    static func string(_ date: Date) -> String {
        lock.withLock { formatter.string(from: date) }
    }

    /// The date an IMF-fixdate names, or nil.
    static func date(_ text: String) -> Date? {
        lock.withLock { formatter.date(from: text) }
    }
}
