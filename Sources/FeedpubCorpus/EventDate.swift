/// A calendar day between 2010-01-01 and 2025-12-31, the span of the corpus.
struct EventDate: Sendable, Hashable, Comparable {
    /// The first day of the corpus span.
    static let first = EventDate(year: 2010, month: 1, day: 1)
    /// The number of days from 2010-01-01 to 2025-12-31, both included.
    static let dayCount = 5844

    /// The year, 2010 to 2025.
    let year: Int
    /// The month, 1 to 12.
    let month: Int
    /// The day of the month, 1 to 31.
    let day: Int

    /// Creates a date from its parts (not validated).
    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date `ordinal` days after 2010-01-01 (0 is 2010-01-01).
    init(dayOrdinal ordinal: Int) {
        var remaining = ordinal
        var year = 2010
        while true {
            let length = EventDate.isLeap(year) ? 366 : 365
            if remaining < length { break }
            remaining -= length
            year += 1
        }
        var month = 1
        while true {
            let length = EventDate.daysIn(month: month, year: year)
            if remaining < length { break }
            remaining -= length
            month += 1
        }
        self.init(year: year, month: month, day: remaining + 1)
    }

    /// Whether `year` has a 29 February.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The ISO form, `YYYY-MM-DD`.
    var isoString: String {
        "\(year)-\(EventDate.twoDigits(month))-\(EventDate.twoDigits(day))"
    }

    /// The day folder's site path, `/news/YYYY/MM/D` (month padded, day not).
    var dayFolder: String {
        "/news/\(year)/\(EventDate.twoDigits(month))/\(day)"
    }

    /// Orders dates chronologically.
    static func < (lhs: EventDate, rhs: EventDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
