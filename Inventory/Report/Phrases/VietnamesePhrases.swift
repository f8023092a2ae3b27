import Foundation
import KiemkeCore

/// The report in Vietnamese, in the words of the seed report ("02 cái", "trong đó có 01 máy đã xuống cấp").
public struct VietnamesePhrases: ReportPhrases {
    /// How the seed words one kind of equipment.
    public struct KindWording: Sendable, Equatable {
        /// How a kind's count is introduced in the infrastructure paragraph.
        public enum Form: Sendable, Equatable {
            /// "tổng số máy tính: 24 cái (trong đó có ...)".
            case total(String)
            /// "Máy Scan: 02 cái (trong đó có ...)", with the kind's name.
            case named
            /// "Hệ thống camera an ninh có 16 cái, trong đó 11 cái hoạt động tốt, ...": every condition listed.
            case system(String)
        }

        /// As a table row: "Máy tính", "Máy Scan".
        public var name: String
        /// Inside a sentence: "máy tính", "máy Scan".
        public var inSentence: String
        public var form: Form
        /// The counting word for one device: "máy" or "cái".
        public var unit: String
        /// What opens the list of conditions: "trong đó có" or "trong đó".
        public var lead: String
        /// Said after its availability, when it counts only part of the day: " (trong giờ làm việc)".
        public var availabilityScope: String
    }

    public init() {}

    public var language: ReportLanguage { .vi }
    var n: NumberStyle { NumberStyle(.vi) }

    public func kind(_ kind: DeviceKind) -> KindWording {
        switch kind {
        case .computer:
            KindWording(name: "Máy tính", inSentence: "máy tính", form: .total("tổng số máy tính"), unit: "máy",
                        lead: "trong đó có", availabilityScope: " (trong giờ làm việc)")
        case .scanner:
            KindWording(name: "Máy Scan", inSentence: "máy Scan", form: .named, unit: "máy", lead: "trong đó có", availabilityScope: "")
        case .copier:
            KindWording(name: "Máy photocopy", inSentence: "máy photocopy", form: .named, unit: "cái", lead: "trong đó", availabilityScope: "")
        case .printer:
            KindWording(name: "Máy in", inSentence: "máy in", form: .named, unit: "máy", lead: "trong đó có", availabilityScope: "")
        case .camera:
            KindWording(name: "Camera an ninh", inSentence: "camera an ninh", form: .system("Hệ thống camera an ninh"), unit: "cái",
                        lead: "trong đó", availabilityScope: "")
        case .network:
            KindWording(name: "Thiết bị mạng", inSentence: "thiết bị mạng", form: .named, unit: "cái", lead: "trong đó có", availabilityScope: "")
        case .other:
            KindWording(name: "Thiết bị khác", inSentence: "thiết bị khác", form: .named, unit: "cái", lead: "trong đó có", availabilityScope: "")
        }
    }

    public func kindName(_ kind: DeviceKind) -> String { self.kind(kind).name }

    public func condition(_ condition: Condition) -> String {
        switch condition {
        case .good: "hoạt động tốt"
        case .fair: "hoạt động trung bình"
        case .degraded: "đã xuống cấp"
        case .broken: "đã bị hỏng"
        }
    }

    public func printerCondition(_ condition: PrinterCondition) -> String {
        switch condition {
        case .lowPaper: "sắp hết giấy"
        case .noPaper: "hết giấy"
        case .lowToner: "sắp hết mực"
        case .noToner: "hết mực"
        case .doorOpen: "mở nắp"
        case .jammed: "kẹt giấy"
        case .offline: "ngoại tuyến"
        case .serviceRequested: "cần bảo trì"
        case .inputTrayMissing: "thiếu khay giấy vào"
        case .outputTrayMissing: "thiếu khay giấy ra"
        case .markerSupplyMissing: "thiếu hộp mực hoặc vật tư in"
        case .outputNearFull: "khay giấy ra sắp đầy"
        case .outputFull: "khay giấy ra đã đầy"
        case .inputTrayEmpty: "khay giấy vào đã hết giấy"
        case .overduePreventiveMaintenance: "quá hạn bảo dưỡng định kỳ"
        case .other(let name): name
        }
    }

    public func attention(_ attention: Attention) -> String {
        switch attention {
        case .longOutage(let hours): "mất kết nối \(hours) giờ"
        case .printerCondition(let condition): printerCondition(condition)
        case .lowSupply(let name, let level): "\(name) sắp hết (\(level)%)"
        case .diskFull(let name, let used): "ổ đĩa \(name) sắp đầy (\(Int(used))%)"
        }
    }

    public var title: ReportText { "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số" }

    public func intro(office: String, fromDay: String, toDay: String) -> ReportText {
        let who = office.isEmpty ? "" : " của \(office)"
        return "Số liệu thiết bị\(who) do kiemke đo từ ngày \(Self.date(fromDay)) đến ngày \(Self.date(toDay))."
    }

    public func infrastructure(_ kinds: [DigitalGovernmentReport.KindSummary]) -> ReportBlock {
        .paragraph("Hạ tầng công nghệ thông tin: " + kinds.map(sentence).joined(separator: ". ") + ".")
    }

    private func sentence(_ s: DigitalGovernmentReport.KindSummary) -> ReportText {
        let wording = kind(s.kind)
        let count = { (c: Condition) in s.conditions[c] ?? 0 }
        switch wording.form {
        case .system(let system):
            let parts: [ReportText] = Condition.allCases.filter { count($0) > 0 }
                .map { "\(.count(count($0))) \(wording.unit) \(condition($0))" }
            return "\(system) có \(.count(s.total)) \(wording.unit)" + (parts.isEmpty ? "" : ", \(wording.lead) " + parts.joined(separator: ", "))
        case .total, .named:
            let head: ReportText
            if case .total(let phrase) = wording.form {
                head = "\(phrase): \(.count(s.total)) cái"
            } else {
                head = "\(wording.name): \(.count(s.total)) cái"
            }
            let bad = Condition.allCases.filter { $0 != .good && count($0) > 0 }
            if bad.isEmpty {
                return head + (s.total > 0 && count(.good) == s.total ? " (đều hoạt động tốt)" : "")
            }
            let parts: [ReportText] = bad.map { "\(.count(count($0))) \(wording.unit) \(condition($0))" }
            return head + " (\(wording.lead) " + parts.joined(separator: ", ") + ")"
        }
    }

    public func computersReachable(_ ratio: Ratio, reachable: Int, networked: Int) -> ReportText {
        "\(.percent(ratio)) các máy tính được kết nối mạng LAN (\(.count(reachable))/\(.count(networked)) máy trả lời ở lần kiểm tra gần nhất)."
    }

    public func availability(_ kinds: [(kind: DeviceKind, ratio: Ratio)]) -> ReportText {
        let parts: [ReportText] = kinds.map { "\(kind($0.kind).inSentence) \(.percent($0.ratio))\(kind($0.kind).availabilityScope)" }
        return "Tỷ lệ thời gian hoạt động trong kỳ: " + parts.joined(separator: "; ") + "."
    }

    public var noAvailability: ReportText { "Chưa đủ dữ liệu đo để tính tỷ lệ thời gian hoạt động trong kỳ." }

    public func internet(_ ratio: Ratio, targets: [String]) -> ReportText {
        "Kết nối Internet hoạt động \(.percent(ratio)) thời gian trong kỳ (đo tới \(targets.joined(separator: ", ")))."
    }

    public var notProbed: ReportText { "Lưu ý: chưa có dữ liệu đo kết nối (kiemke chưa kiểm tra thiết bị nào)." }

    public func partialCoverage(_ ratio: Ratio) -> ReportText {
        "Lưu ý: dữ liệu đo chỉ phủ \(.percent(ratio)) thời gian của kỳ báo cáo (kiemke không chạy trong thời gian còn lại); các tỷ lệ trên được tính trên thời gian có dữ liệu."
    }

    public var equipmentTitle: ReportText { "Thiết bị hỏng, xuống cấp:" }

    public func equipment(_ item: DigitalGovernmentReport.EquipmentIssue, sinceDay: String) -> ReportText {
        let location = item.location.isEmpty ? "" : ", \(item.location)"
        let note = item.note.isEmpty ? "" : "; \(item.note)"
        return "\(item.name) (\(kind(item.kind).inSentence)\(location)): \(condition(item.condition)) từ ngày \(Self.date(sinceDay))\(note)."
    }

    public var attentionTitle: ReportText { "Cần kiểm tra:" }

    public func attentionItem(_ item: AttentionItem) -> ReportText { "\(item.name): \(attention(item.attention))." }

    public var readinessTitle: ReportText { "Ứng dụng công nghệ thông tin:" }

    public func readiness(_ facts: ReadinessFacts) -> [ReportText] {
        var lines: [ReportText] = []
        if let staff = facts.staff {
            lines.append("Số cán bộ, công chức: \(.count(staff)) người.")
            if let mail = facts.staffWithOfficialEmail, staff > 0 {
                lines.append("Tỷ lệ CBCC được cấp hộp thư điện tử công vụ: \(.percent(Ratio(count: mail, of: staff))) (\(.count(mail))/\(.count(staff))).")
            }
        } else if let mail = facts.staffWithOfficialEmail {
            lines.append("Số CBCC được cấp hộp thư điện tử công vụ: \(.count(mail)).")
        }
        if let signatures = facts.digitalSignatures {
            lines.append("Số chữ ký số đang sử dụng: \(.count(signatures)).")
        }
        if !facts.software.isEmpty {
            lines.append("Phần mềm đang sử dụng: \(facts.software.joined(separator: ", ")).")
        }
        if let room = facts.onlineMeetingRoom {
            lines.append(room ? "Có phòng họp trực tuyến." : "Chưa có phòng họp trực tuyến.")
        }
        return lines
    }

    public var tableColumns: [String] {
        ["Loại thiết bị", "Tổng", "Tốt", "Trung bình", "Xuống cấp", "Hỏng", "Kết nối", "Thời gian hoạt động"]
    }

    /// "2023-06-30" as "30/06/2023", the way the seed writes dates.
    static func date(_ day: String) -> String {
        let p = day.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? "\(String(format: "%02d", p[2]))/\(String(format: "%02d", p[1]))/\(p[0])" : day
    }
}
