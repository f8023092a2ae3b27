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

    /// A supply's type and colour in Vietnamese ("hộp mực đen"), or nil when the readers' words do not say.
    public func supply(type: String, color: String?) -> String? {
        let noun: String
        switch type {
        case "toner", "toner_cartridge": noun = "hộp mực"
        case "ink", "ink_cartridge": noun = "mực in"
        case "drum": noun = "cụm trống"
        case "developer": noun = "bộ từ"
        case "fuser": noun = "bộ sấy"
        case "transfer_unit": noun = "bộ truyền ảnh"
        case "staples": noun = "ghim dập"
        case "ink_ribbon": noun = "ruy băng mực"
        default: return nil
        }
        guard let color else { return noun }
        let colors = ["black": "đen", "cyan": "xanh lơ", "magenta": "đỏ tươi", "yellow": "vàng", "red": "đỏ",
                      "green": "xanh lá", "blue": "xanh dương", "gray": "xám", "grey": "xám"]
        return colors[color].map { "\(noun) \($0)" } ?? noun
    }

    public func attention(_ attention: Attention) -> String {
        switch attention {
        case .longOutage(let hours): "mất kết nối \(n.grouped(hours)) giờ"
        case .printerCondition(.other(let name)): "báo lỗi \"\(name)\""
        case .printerCondition(let condition): printerCondition(condition)
        case .lowSupply(let name, let level, let type, let color):
            if let words = supply(type: type, color: color) {
                "\(words) sắp hết (\(level)%)"
            } else {
                "vật tư \"\(name)\" sắp hết (\(level)%)"
            }
        case .diskFull(let name, let used): "ổ đĩa \"\(name)\" sắp đầy (\(Int(used))%)"
        case .newDevice: "thiết bị mới chưa có trong danh sách"
        case .addressChanged(let from, let to, _): "đã đổi địa chỉ từ \(from) sang \(to) (cùng thiết bị, không tính là mất kết nối)"
        case .macConflict(let mac, let places): "địa chỉ MAC \(mac) trùng giữa: \(places.joined(separator: ", ")); chưa chuyển gì"
        case .serialConflict(let serial, let places): "số sê-ri \(serial) xuất hiện ở nhiều nơi: \(places.joined(separator: ", ")); chưa chuyển gì"
        }
    }

    public var title: ReportText { "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số" }

    // MARK: The text to paste

    public func infrastructure(_ report: DigitalGovernmentReport) -> ReportText? {
        var sentences: [ReportText] = []
        let kinds = report.kinds.filter { $0.total > 0 }
        let facts = report.readiness
        var computerClause: [ReportText] = []
        if let computers = kinds.first(where: { $0.kind == .computer }) {
            if let staff = facts.staff, staff > 0 {
                let equipped = min(staff, computers.staffUse)
                computerClause.append("tỷ lệ cán bộ, công chức được trang bị máy tính đạt \(.percent(Ratio(count: equipped, of: staff))) (\(.integer(equipped))/\(.integer(staff)) người)")
            }
            // With computers set aside for citizens, the seed counts the staff's and adds "ngoài ra" the others;
            // conditions are then said of all of them, after that clause.
            let conditions = conditionsInBrackets(computers)
            var clause: ReportText = "tổng số máy tính: \(.count(computers.staffUse)) cái" + (computers.publicService > 0 ? "" : conditions)
            if let ratio = computers.reachableRatio {
                let scope = computers.networked < computers.total ? " có địa chỉ mạng" : ""
                let internet = report.internet.map { $0.time.up > 0 } == true ? ", Internet" : ""
                clause += ", \(.percent(ratio)) (\(.integer(computers.reachable))/\(.integer(computers.networked)) máy\(scope)) được kết nối mạng LAN\(internet)"
            }
            computerClause.append(clause)
            if computers.publicService > 0 {
                computerClause.append("ngoài ra đã bố trí \(.count(computers.publicService)) bộ máy tính phục vụ người dân lập tài khoản và sử dụng dịch vụ công trực tuyến"
                                      + (conditions.pieces.isEmpty ? "" : "; cả \(.count(computers.total)) máy" + conditions))
            }
            sentences.append("Hạ tầng công nghệ thông tin: " + computerClause.joined(separator: ", "))
            if let secured = facts.computersWithSecuritySoftware, secured <= computers.total {
                sentences.append("\(.percent(Ratio(count: secured, of: computers.total))) các máy tính (\(.integer(secured))/\(.integer(computers.total)) máy) đã được trang bị các biện pháp đảm bảo an toàn thông tin")
            }
        }
        let named = kinds.filter { [.scanner, .copier, .printer].contains($0.kind) }.map(namedSentence)
        if !named.isEmpty {
            let text = named.joined(separator: ", ")
            sentences.append(sentences.isEmpty ? "Hạ tầng công nghệ thông tin: " + text : text)
        }
        if let cameras = kinds.first(where: { $0.kind == .camera }) {
            sentences.append(cameraSentence(cameras))
        }
        let rest = kinds.filter { [.network, .other].contains($0.kind) }.map(namedSentence)
        if !rest.isEmpty { sentences.append(rest.joined(separator: ", ")) }
        if let room = facts.onlineMeetingRoom {
            if room {
                var meeting: ReportText = "Xây dựng và hoàn thiện phòng họp trực tuyến"
                if let asked = facts.onlineMeetingsRequested, asked > 0, let held = facts.onlineMeetingsHeld {
                    meeting += ", đảm bảo \(.percent(Ratio(count: held, of: asked))) (\(.integer(held))/\(.integer(asked))) các cuộc họp trực tuyến theo yêu cầu của cấp trên được thực hiện"
                }
                sentences.append(meeting)
            } else {
                sentences.append("Chưa có phòng họp trực tuyến")
            }
        } else if let asked = facts.onlineMeetingsRequested, asked > 0, let held = facts.onlineMeetingsHeld {
            sentences.append("Đảm bảo \(.percent(Ratio(count: held, of: asked))) (\(.integer(held))/\(.integer(asked))) các cuộc họp trực tuyến theo yêu cầu của cấp trên được thực hiện")
        }
        guard !sentences.isEmpty else { return nil }
        return sentences.joined(separator: ". ") + "."
    }

    /// " (trong đó có 01 máy đã xuống cấp)", or " (đều hoạt động tốt)", or nothing.
    private func conditionsInBrackets(_ s: DigitalGovernmentReport.KindSummary) -> ReportText {
        let wording = kind(s.kind)
        let count = { (c: Condition) in s.conditions[c] ?? 0 }
        let bad = Condition.allCases.filter { $0 != .good && count($0) > 0 }
        if bad.isEmpty {
            return s.total > 0 && count(.good) == s.total ? " (đều hoạt động tốt)" : ""
        }
        let parts: [ReportText] = bad.map { "\(.count(count($0))) \(wording.unit) \(condition($0))" }
        return " (\(wording.lead) " + parts.joined(separator: ", ") + ")"
    }

    /// "Máy Scan: 02 cái (trong đó có 01 máy đã xuống cấp)".
    private func namedSentence(_ s: DigitalGovernmentReport.KindSummary) -> ReportText {
        "\(kind(s.kind).name): \(.count(s.total)) cái" + conditionsInBrackets(s)
    }

    /// "Hệ thống camera an ninh có 16 cái, trong đó 11 cái hoạt động tốt, 05 cái hoạt động trung bình".
    private func cameraSentence(_ s: DigitalGovernmentReport.KindSummary) -> ReportText {
        let wording = kind(s.kind)
        let parts: [ReportText] = Condition.allCases.compactMap { c in
            guard let count = s.conditions[c], count > 0 else { return nil }
            return "\(.count(count)) \(wording.unit) \(condition(c))"
        }
        let system = if case .system(let name) = wording.form { name } else { wording.name }
        return "\(system) có \(.count(s.total)) \(wording.unit)" + (parts.isEmpty ? "" : ", \(wording.lead) " + parts.joined(separator: ", "))
    }

    public func availability(_ kinds: [(kind: DeviceKind, ratio: Ratio)], internet: Ratio?) -> ReportText? {
        var parts: [ReportText] = kinds.map {
            let scope = $0.kind == .computer ? ", trong giờ làm việc" : ""
            return "\(kind($0.kind).inSentence) \(.percent($0.ratio)) (\(.hours($0.ratio))\(scope))"
        }
        if let internet { parts.append("kết nối Internet \(.percent(internet)) (\(.hours(internet)))") }
        guard !parts.isEmpty else { return nil }
        return "Tỷ lệ thời gian thiết bị hoạt động trong kỳ: " + parts.joined(separator: "; ") + "."
    }

    public func application(_ facts: ReadinessFacts) -> ReportText? {
        var sentences: [ReportText] = []
        if !facts.software.isEmpty {
            sentences.append("Việc ứng dụng công nghệ thông tin: đã sử dụng các phần mềm để thực hiện công tác chuyên môn như: \(facts.software.joined(separator: "; "))")
        }
        if let total = facts.documentsTotal, total > 0, let inSoftware = facts.documentsInSoftware {
            sentences.append("Tỷ lệ trao đổi văn bản trên phần mềm đạt \(.percent(Ratio(count: inSoftware, of: total))) (\(.integer(inSoftware))/\(.integer(total)) văn bản)")
        }
        if let signatures = facts.digitalSignatures {
            sentences.append(signatures > 0 ? "Ứng dụng chữ ký số (\(.count(signatures)) chữ ký số đang sử dụng)" : "Chưa ứng dụng chữ ký số")
        }
        if let mail = facts.staffWithOfficialEmail {
            if let staff = facts.staff, staff > 0 {
                sentences.append("Tỷ lệ CBCC được cấp hộp thư điện tử công vụ đạt \(.percent(Ratio(count: mail, of: staff))) (\(.integer(mail))/\(.integer(staff)) người)")
            } else {
                sentences.append("Số CBCC được cấp hộp thư điện tử công vụ: \(.count(mail)) người")
            }
        }
        guard !sentences.isEmpty else { return nil }
        return "- " + sentences.joined(separator: ". ") + "."
    }

    public func quality(iso9001: String) -> ReportText {
        let standard = iso9001.contains("9001") ? iso9001 : "ISO 9001:\(iso9001)"
        return "Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn \(standard) tại Bộ phận tiếp nhận và trả kết quả, các bộ phận chuyên môn."
    }

    public func noEquipment(at day: DayKey) -> ReportText {
        "Không có thiết bị nào trong danh sách kiểm kê tại ngày \(Self.date(day))."
    }

    // MARK: The notes

    public var notesTitle: ReportText { "Ghi chú cho người lập báo cáo (không chép phần này vào báo cáo)" }

    public func periodNote(from: DayKey, to: DayKey, running: Bool, endTime: String) -> ReportText {
        running
            ? "Kỳ báo cáo từ ngày \(Self.date(from)) đến nay (\(endTime) ngày \(Self.date(to))): kỳ chưa kết thúc, số thiết bị và tình trạng tính tại thời điểm lập báo cáo."
            : "Kỳ báo cáo từ ngày \(Self.date(from)) đến ngày \(Self.date(to)): số thiết bị và tình trạng tính tại cuối kỳ."
    }

    public func coverageNote(from: DayKey, to: DayKey?, ratio: Ratio, officeHours: Bool) -> ReportText {
        let until = to.map { " đến ngày \(Self.date($0))" } ?? ""
        let time = officeHours ? "thời gian làm việc" : "thời gian"
        return "kiemke theo dõi từ ngày \(Self.date(from))\(until); dữ liệu đo phủ \(.percent(ratio)) \(time) của kỳ báo cáo (\(.hours(ratio))); các tỷ lệ chỉ tính trên thời gian có dữ liệu đo."
    }

    public var noMeasurements: ReportText {
        "Kỳ báo cáo không có dữ liệu đo (kiemke chưa theo dõi thiết bị nào trong kỳ): không nêu tỷ lệ kết nối mạng LAN và tỷ lệ thời gian hoạt động."
    }

    public var emptyInventory: ReportText {
        "Danh sách thiết bị còn trống: nạp danh sách bằng lệnh kiemke devices import thiet-bi.csv (xem config/devices.example.csv)."
    }

    public func beforeInventory(firstDay: DayKey) -> ReportText {
        "Kỳ báo cáo kết thúc trước khi có thiết bị nào trong danh sách kiểm kê (thiết bị đầu tiên có từ ngày \(Self.date(firstDay)))."
    }

    public func unmeasured(_ kind: DeviceKind, count: Int, of networked: Int) -> ReportText {
        "\(self.kind(kind).name): \(.integer(count))/\(.integer(networked)) thiết bị có địa chỉ mạng chưa có dữ liệu đo trong kỳ, được tính là chưa kết nối."
    }

    public func neverAnswered(_ devices: [String]) -> ReportText {
        "Không trả lời lần nào trong kỳ: \(devices.joined(separator: "; "))."
    }

    public func unmarked(_ kind: DeviceKind, count: Int) -> ReportText {
        "\(self.kind(kind).name): \(.count(count)) \(self.kind(kind).unit) chưa được đánh giá tình trạng tại cuối kỳ (kiemke mark)."
    }

    public func readinessProblem(_ problem: DigitalGovernmentReport.ReadinessProblem) -> ReportText {
        switch problem {
        case .unknownPublicComputer(let name):
            "readiness.public_service_computers ghi \"\(name)\", nhưng không có máy tính nào tên như vậy trong danh sách tại cuối kỳ."
        case .securityExceedsComputers(let count, let computers):
            "readiness.computers_with_security_software ghi \(.integer(count)) máy, nhiều hơn số máy tính trong danh sách (\(.integer(computers))): câu về an toàn thông tin được bỏ qua."
        }
    }

    public var equipmentTitle: ReportText { "Thiết bị hỏng, xuống cấp:" }

    public func equipment(_ item: DigitalGovernmentReport.EquipmentIssue, since: DayKey) -> ReportText {
        let note = item.note.isEmpty ? "" : "; \(item.note)"
        return "\(deviceLabel(kind: item.kind, location: item.location, name: item.name)): \(condition(item.condition)) từ ngày \(Self.date(since))\(note)."
    }

    public var attentionTitle: ReportText { "Cần kiểm tra:" }

    public func attentionGroup(device: String, attentions: [Attention]) -> ReportText {
        let words = attentions.map(attention)
        let first = words.first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
        return "\(device): \(([first] + words.dropFirst()).joined(separator: "; "))."
    }

    public func deviceLabel(kind: DeviceKind, location: String, name: String) -> String {
        kindName(kind) + (location.isEmpty ? "" : " tại \(location)") + " (\(name))"
    }

    public var tableColumns: [String] {
        ["Loại thiết bị", "Tổng", "Tốt", "Trung bình", "Xuống cấp", "Hỏng", "Kết nối", "Thời gian hoạt động"]
    }

    /// A day as the seed writes dates: "30/06/2023".
    static func date(_ day: DayKey) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }
}
