import Foundation
import KiemkeCore

/// The words of `status`, `history`, `devices show` and `devices list` in one language.
///
/// English keeps the words scripts already grep for ("address:   ", "3 devices: ..."); Vietnamese
/// is what a clerk reads when the config's `language` or the locale says "vi".
public struct ListingWords: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    private var vi: Bool { language == .vi }

    /// A column heading or field label, by its English key.
    func label(_ english: String) -> String {
        guard vi else { return english }
        return Self.vietnameseLabels[english] ?? english
    }

    /// Column headings in capitals, as the tables print them.
    func heading(_ english: String) -> String { label(english.lowercased()).uppercased() }

    public func kind(_ kind: DeviceKind) -> String { vi ? kind.vietnamese : kind.rawValue }
    func condition(_ condition: Condition) -> String { vi ? condition.vietnamese : condition.rawValue }
    /// "good (tốt)" in English, where both words have always stood; "tốt" in Vietnamese.
    func conditionBoth(_ condition: Condition) -> String {
        vi ? condition.vietnamese : "\(condition.rawValue) (\(condition.vietnamese))"
    }
    func kindBoth(_ kind: DeviceKind) -> String { vi ? kind.vietnamese : "\(kind.rawValue) (\(kind.vietnamese))" }

    func state(_ state: ProbeState) -> String {
        guard vi else { return state.rawValue }
        switch state {
        case .up: return "hoạt động"
        case .down: return "mất kết nối"
        case .off: return "tắt"
        case .unknown: return "chưa rõ"
        }
    }

    var noAddress: String { vi ? "không có địa chỉ" : "no address" }
    var notProbed: String { vi ? "chưa thăm dò" : "not probed" }
    var needsAttention: String { vi ? "cần chú ý:" : "needs attention:" }
    var retiredMark: String { vi ? " (ngừng sử dụng)" : " (retired)" }

    public func attention(_ attention: Attention) -> String {
        vi ? VietnamesePhrases().attention(attention) : attention.english
    }

    /// "times in Asia/Ho_Chi_Minh (UTC+07:00)".
    func zoneLine(_ timeZone: TimeZone) -> String {
        vi ? "giờ theo \(timeZone.identifier) (\(OfficeDate.offset(timeZone)))" : OfficeDate.zoneLine(timeZone)
    }

    /// How old facts read `seconds` ago are: "12m ago" / "12 phút trước".
    func age(seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        if s < 60 { return vi ? "vừa xong" : "now" }
        if s < 3_600 { return vi ? "\(Int(s / 60)) phút trước" : "\(Int(s / 60))m ago" }
        if s < 86_400 { return vi ? "\(Int(s / 3_600)) giờ trước" : "\(Int(s / 3_600))h ago" }
        return vi ? "\(Int(s / 86_400)) ngày trước" : "\(Int(s / 86_400))d ago"
    }

    /// "44 devices: 20 up, 24 off (outside office hours), 0 down", every device in one part.
    func summary(_ c: StatusListing.Counts) -> String {
        if vi {
            var parts = ["\(c.up) hoạt động", "\(c.off) tắt (ngoài giờ làm việc)", "\(c.down) mất kết nối"]
            if c.unconfirmed > 0 { parts.append("\(c.unconfirmed) không trả lời, chưa tính là mất kết nối") }
            if c.notProbed > 0 { parts.append("\(c.notProbed) chưa thăm dò") }
            if c.noAddress > 0 { parts.append("\(c.noAddress) không có địa chỉ") }
            return "\(c.total) thiết bị: " + parts.joined(separator: ", ")
        }
        var parts = ["\(c.up) up", "\(c.off) off (outside office hours)", "\(c.down) down"]
        if c.unconfirmed > 0 { parts.append("\(c.unconfirmed) not answering, not yet counted as down") }
        if c.notProbed > 0 { parts.append("\(c.notProbed) not probed yet") }
        if c.noAddress > 0 { parts.append("\(c.noAddress) with no address") }
        return "\(c.total) device\(c.total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    private static let vietnameseLabels: [String: String] = [
        "name": "tên", "kind": "loại", "address": "địa chỉ", "location": "vị trí", "condition": "tình trạng",
        "note": "ghi chú", "vendor": "hãng", "model": "model", "serial": "số sê-ri", "firmware": "firmware",
        "since": "từ", "condition since": "tình trạng từ", "schedule": "lịch", "state": "trạng thái",
        "rtt": "thời gian phản hồi", "last probe": "lần thăm dò cuối", "answered by": "trả lời qua",
        "facts": "dữ liệu snmp", "when": "thời điểm", "event": "sự việc", "by": "người", "snmp": "snmp",
        "interval": "chu kỳ", "entered": "nhập lúc", "retired": "ngừng dùng", "seen as": "nhận là",
        "page count": "số trang", "supply": "vật tư", "disk": "ổ đĩa", "reports": "báo lỗi",
        "facts read": "đọc snmp lúc",
    ]
}
