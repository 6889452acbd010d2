import Foundation

/// The moment an event is dated at, midnight of its day in the configured
/// time zone, formatted for Atom (RFC 3339) and RSS (RFC 822).
///
/// Formatting is done by hand from the calendar arithmetic: no shared
/// formatter, no locale, the same bytes everywhere.
public struct FeedDate: Hashable, Comparable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let instant: Int
    /// The time zone's offset from UTC at that moment, in seconds.
    public let offset: Int

    /// `seconds` after midnight of `date` in `timeZone` (midnight is the
    /// first moment of that day when a daylight-saving change skips it).
    public init(_ date: EventDate, in timeZone: TimeZone, plus seconds: Int = 0) {
        let localMidnight = date.daysSinceEpoch * 86_400
        func offset(at instant: Int) -> Int {
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))
        }
        var guess = localMidnight - offset(at: localMidnight)
        guess = localMidnight - offset(at: guess)
        if guess + offset(at: guess) < localMidnight {
            // Midnight was skipped by a clock change: the day starts when the clocks jump.
            guess = localMidnight - offset(at: guess)
        }
        instant = guess + seconds
        self.offset = offset(at: instant)
    }

    /// `2015-11-17T00:00:00Z` or `2015-11-17T00:00:00+01:00`.
    public var rfc3339: String {
        let local = LocalTime(instant + offset)
        let zone: String
        if offset == 0 {
            zone = "Z"
        } else {
            let minutes = abs(offset) / 60
            zone = (offset < 0 ? "-" : "+") + EventDate.pad(minutes / 60, 2) + ":" + EventDate.pad(minutes % 60, 2)
        }
        return "\(local.date)T\(local.clock)\(zone)"
    }

    /// `Tue, 17 Nov 2015 00:00:00 +0000` (four-digit year, numeric zone).
    public var rfc822: String {
        let local = LocalTime(instant + offset)
        let minutes = abs(offset) / 60
        let zone = (offset < 0 ? "-" : "+") + EventDate.pad(minutes / 60, 2) + EventDate.pad(minutes % 60, 2)
        let weekday = Self.weekdays[((local.days % 7) + 11) % 7]
        let month = Self.months[local.date.month - 1]
        return "\(weekday), \(EventDate.pad(local.date.day, 2)) \(month) \(EventDate.pad(local.date.year, 4)) "
            + "\(local.clock) \(zone)"
    }

    public static func < (lhs: FeedDate, rhs: FeedDate) -> Bool {
        lhs.instant < rhs.instant
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A local wall-clock time split into day and clock.
    private struct LocalTime {
        let days: Int
        let date: EventDate
        let clock: String

        init(_ seconds: Int) {
            days = Int((Double(seconds) / 86_400).rounded(.down))
            date = Self.civil(days)
            let second = seconds - days * 86_400
            clock = EventDate.pad(second / 3600, 2) + ":" + EventDate.pad(second / 60 % 60, 2) + ":"
                + EventDate.pad(second % 60, 2)
        }

        /// Howard Hinnant's civil_from_days.
        private static func civil(_ days: Int) -> EventDate {
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
            let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
            let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
            return EventDate(year: year, month: month, day: day)!
        }
    }
}

extension FeedDate {
    /// 1970-01-01T00:00:00Z, the date of a feed with no entries.
    static let epoch = FeedDate(instant: 0, offset: 0)

    private init(instant: Int, offset: Int) {
        self.instant = instant
        self.offset = offset
    }
}
