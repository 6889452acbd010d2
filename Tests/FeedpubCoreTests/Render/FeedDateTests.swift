@testable import FeedpubCore
import Foundation
import Testing

@Suite("Feed dates")
struct FeedDateTests {
    static let zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo"]

    /// Foundation's own formatting, fixed locale: the reference the hand-made one must match.
    func reference(_ date: FeedDate, zone: TimeZone, format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter.string(from: Date(timeIntervalSince1970: Double(date.instant)))
    }

    @Test("RFC 3339 and RFC 822 match Foundation for every day of many years in several zones", arguments: zones)
    func matchesFoundation(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var checked = 0
        for year in stride(from: 1971, through: 2037, by: 3) {
            for month in 1...12 {
                for day in stride(from: 1, through: EventDate.daysIn(month: month, year: year), by: 4) {
                    let event = try #require(EventDate(year: year, month: month, day: day))
                    let date = FeedDate(event, in: zone)
                    #expect(date.rfc3339 == reference(date, zone: zone, format: "yyyy-MM-dd'T'HH:mm:ssXXXXX"))
                    #expect(date.rfc822 == reference(date, zone: zone, format: "EEE, dd MMM yyyy HH:mm:ss xx"))
                    #expect(date.rfc3339.hasPrefix(event.description), "midnight of the event's own day")
                    checked += 1
                }
            }
        }
        #expect(checked > 2000)
    }

    @Test("dates before 1970 and leap days work")
    func edges() throws {
        let utc = TimeZone(identifier: "UTC")!
        #expect(FeedDate(EventDate(year: 1969, month: 12, day: 31)!, in: utc).rfc822 == "Wed, 31 Dec 1969 00:00:00 +0000")
        #expect(FeedDate(EventDate(year: 2016, month: 2, day: 29)!, in: utc).rfc3339 == "2016-02-29T00:00:00Z")
        #expect(EventDate(year: 2015, month: 2, day: 29) == nil)
        #expect(EventDate(year: 2000, month: 2, day: 29) != nil)
        #expect(EventDate(year: 1900, month: 2, day: 29) == nil)
    }
}
