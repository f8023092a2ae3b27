import Foundation
import Inventory
import Testing

/// `DayKey.text` is written by hand for speed; it must stay what "%04d-%02d-%02d" wrote.
@Suite("Day keys: written as YYYY-MM-DD")
struct DayKeyTextTests {
    @Test("the text is the zero-padded form", arguments: [
        (2026, 9, 2), (2026, 12, 31), (1, 1, 1), (999, 10, 9), (9999, 12, 31), (2000, 2, 29), (1970, 1, 1),
    ])
    func text(year: Int, month: Int, day: Int) throws {
        let key = try #require(DayKey(String(format: "%04d-%02d-%02d", year, month, day)))
        #expect(key.text == String(format: "%04d-%02d-%02d", year, month, day))
        #expect(DayKey(key.text) == key)
    }

    @Test("a day from a calendar far outside four digits still gets its text")
    func farYear() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let key = DayKey(Date(timeIntervalSince1970: 400_000_000_000), calendar: calendar)
        #expect(key.text == String(format: "%04d-%02d-%02d", key.year, key.month, key.day))
        #expect(key.year > 9999)
    }
}
