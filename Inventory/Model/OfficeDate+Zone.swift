import Foundation

extension OfficeDate {
    /// The line listings print so that nobody wonders which clock their times are on:
    /// "times in Asia/Ho_Chi_Minh (UTC+07:00)".
    public static func zoneLine(_ timeZone: TimeZone, at date: Date = Date()) -> String {
        "times in \(timeZone.identifier) (\(offset(timeZone, at: date)))"
    }

    /// "UTC+07:00", the zone's offset at `date`.
    public static func offset(_ timeZone: TimeZone, at date: Date = Date()) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "UTC\(sign)\(String(format: "%02d:%02d", minutes / 60, minutes % 60))"
    }
}
