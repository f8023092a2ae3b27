import Foundation

/// The moment a report is made: now, or `KIEMKE_NOW` for tests.
public enum ReportClock {
    /// `KIEMKE_NOW` (ISO 8601 with an offset, "2026-11-30T20:00:00+07:00") when set, else the system clock.
    ///
    /// For tests only: it lets a test print a report "at 20:00" or "on Sunday"; nothing else reads it.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        guard let text = environment["KIEMKE_NOW"], !text.isEmpty else { return Date() }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw InputError("KIEMKE_NOW \"\(text)\" is not a time; write it as 2026-11-30T20:00:00+07:00 (it is meant for tests)",
                             vi: "KIEMKE_NOW \"\(text)\" không phải thời điểm; hãy viết dạng 2026-11-30T20:00:00+07:00 (chỉ dùng cho kiểm thử)")
        }
        return date
    }
}
