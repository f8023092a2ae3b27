import Foundation
import Inventory
import Testing

@Suite("Typed dates: YYYY-MM-DD or YYYY-MM-DDTHH:MM in the office's time zone")
struct OfficeDateTests {
    static let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 18:06:40 in Hà Nội

    @Test("accepted dates, read in the office's time zone", arguments: [
        ("2023-03-15", "2023-03-14T17:00:00Z"),
        ("2023-03-15T09:30", "2023-03-15T02:30:00Z"),
        ("2023-03-15 09:30", "2023-03-15T02:30:00Z"),
        (" 2024-02-29T00:00 ", "2024-02-28T17:00:00Z"),
        ("2023-12-31T23:59", "2023-12-31T16:59:00Z"),
    ])
    func accepted(text: String, utc: String) throws {
        let expected = try #require(ISO8601DateFormatter().date(from: utc))
        #expect(try OfficeDate.parse(text, timeZone: Self.hanoi, notAfter: Self.now) == expected)
    }

    @Test("refused dates say why, naming the value", arguments: [
        ("2026-02-30", OfficeDate.Failure.noSuchDate("2026-02-30")),
        ("2023-02-29", .noSuchDate("2023-02-29")),
        ("2023-13-01", .noSuchDate("2023-13-01")),
        ("2023-03-15T24:00", .noSuchDate("2023-03-15T24:00")),
        ("2023-03-15T09:60", .noSuchDate("2023-03-15T09:60")),
        ("15/03/2023", .malformed("15/03/2023")),
        ("2023-3-15", .malformed("2023-3-15")),
        ("2023-03-15T9:30", .malformed("2023-03-15T9:30")),
        ("2023-03-15T09:30:00", .malformed("2023-03-15T09:30:00")),
        ("２０２３-03-15", .malformed("２０２３-03-15")),
        ("", .malformed("")),
        ("2027-01-01", .inFuture("2027-01-01")),
    ])
    func refused(text: String, failure: OfficeDate.Failure) {
        #expect(throws: failure) { try OfficeDate.parse(text, timeZone: Self.hanoi, notAfter: Self.now) }
        #expect(failure.description.contains("\"\(text)\""))
    }

    @Test("what the export writes, the import reads back to the same minute")
    func roundTrip() throws {
        let contract = OfficeDate.Format(timeZone: Self.hanoi, contract: true)
        let text = contract.string(Self.now)
        #expect(text == "2026-11-18T18:06")
        #expect(OfficeDate.Format(timeZone: Self.hanoi).string(Self.now) == "2026-11-18 18:06")
        let back = try OfficeDate.parse(text, timeZone: Self.hanoi, notAfter: Self.now)
        #expect(contract.string(back) == text)
        #expect(Self.now.timeIntervalSince(back) < 60)
    }
}
