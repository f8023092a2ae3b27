import Foundation
import KiemkeCore

extension DigitalGovernmentReport {
    /// The section as prose to paste into the Word report.
    public func text(_ language: ReportLanguage) -> String {
        language == .vi ? vietnameseText() : englishText()
    }

    // MARK: - Vietnamese

    private func vietnameseText() -> String {
        let n = NumberStyle(.vi)
        var out = "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số\n\n"
        let who = office.isEmpty ? "" : " của \(office)"
        out += "Số liệu thiết bị\(who) do kiemke đo từ ngày \(Self.vnDate(period.from)) đến ngày \(Self.vnDate(min(period.to, DayKey.string(for: generatedAt, calendar: calendar)))).\n\n"

        var sentences: [String] = []
        for summary in kinds {
            sentences.append(vietnameseSentence(summary, n))
        }
        out += "Hạ tầng công nghệ thông tin: " + sentences.joined(separator: ". ") + ".\n"

        if let computers = kinds.first(where: { $0.kind == .computer }), let pct = computers.reachablePercent {
            out += "\n\(n.percent(pct)) các máy tính được kết nối mạng LAN (\(n.count(computers.reachable))/\(n.count(computers.networked)) máy trả lời ở lần kiểm tra gần nhất).\n"
        }
        let availability = kinds.compactMap { summary -> String? in
            guard let pct = summary.availabilityPercent else { return nil }
            let scope = summary.kind == .computer ? " (trong giờ làm việc)" : ""
            return "\(summary.kind.vietnamese.lowercasedFirst) \(n.percent(pct))\(scope)"
        }
        if !availability.isEmpty {
            out += "Tỷ lệ thời gian hoạt động trong kỳ: " + availability.joined(separator: "; ") + ".\n"
        } else {
            out += "Chưa đủ dữ liệu đo để tính tỷ lệ thời gian hoạt động trong kỳ.\n"
        }
        if let internet, let pct = internet.availabilityPercent {
            out += "Kết nối Internet hoạt động \(n.percent(pct)) thời gian trong kỳ (đo tới \(internet.targets.joined(separator: ", "))).\n"
        }
        if !kinds.contains(where: { $0.probed > 0 }) {
            out += "Lưu ý: chưa có dữ liệu đo kết nối (kiemke chưa kiểm tra thiết bị nào).\n"
        } else if let coverage = coveragePercent, coverage > 0, coverage < 99.5 {
            out += "Lưu ý: dữ liệu đo chỉ phủ \(n.percent(coverage)) thời gian của kỳ báo cáo (kiemke không chạy trong thời gian còn lại); các tỷ lệ trên được tính trên thời gian có dữ liệu.\n"
        }

        if !equipment.isEmpty {
            out += "\nThiết bị hỏng, xuống cấp:\n"
            for item in equipment {
                var line = "- \(item.name) (\(item.kind.vietnamese.lowercasedFirst)"
                if !item.location.isEmpty { line += ", \(item.location)" }
                line += "): \(item.condition.vietnamese) từ ngày \(Self.vnDate(item.since, calendar))"
                if !item.note.isEmpty { line += "; \(item.note)" }
                out += line + ".\n"
            }
        }
        if !attention.isEmpty {
            out += "\nCần kiểm tra:\n"
            for item in attention {
                out += "- \(item.name): \(Self.vietnameseIssue(item.issue)).\n"
            }
        }
        out += readinessText(.vi)
        return out
    }

    private func vietnameseSentence(_ s: KindSummary, _ n: NumberStyle) -> String {
        let count = { (c: Condition) in s.conditions[c] ?? 0 }
        switch s.kind {
        case .camera:
            let parts = Condition.allCases.filter { count($0) > 0 }.map { "\(n.count(count($0))) cái \($0.vietnamese)" }
            return "Hệ thống camera an ninh có \(n.count(s.total)) cái" + (parts.isEmpty ? "" : ", trong đó " + parts.joined(separator: ", "))
        default:
            let head = s.kind == .computer ? "tổng số máy tính: \(n.count(s.total)) cái" : "\(s.kind.vietnamese): \(n.count(s.total)) cái"
            let unit = s.kind == .copier || s.kind == .network || s.kind == .other ? "cái" : "máy"
            let lead = s.kind == .copier ? "trong đó" : "trong đó có"
            let bad = Condition.allCases.filter { $0 != .good && count($0) > 0 }
            if bad.isEmpty {
                return head + (s.total > 0 && count(.good) == s.total ? " (đều hoạt động tốt)" : "")
            }
            return head + " (\(lead) " + bad.map { "\(n.count(count($0))) \(unit) \($0.vietnamese)" }.joined(separator: ", ") + ")"
        }
    }

    static func vietnameseIssue(_ issue: String) -> String {
        let words: [(String, String)] = [
            ("down for ", "mất kết nối "), (" hours", " giờ"), ("low toner", "sắp hết mực"), ("no toner", "hết mực"),
            ("low paper", "sắp hết giấy"), ("no paper", "hết giấy"), ("jammed", "kẹt giấy"), ("door open", "mở nắp"),
            ("service requested", "cần bảo trì"), ("offline", "ngoại tuyến"), ("nearly full", "sắp đầy"),
            ("disk ", "ổ đĩa "), (" low (", " sắp hết ("),
        ]
        return words.reduce(issue) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    // MARK: - English

    private func englishText() -> String {
        let n = NumberStyle(.en)
        var out = "6. E-government and digital government\n\n"
        let who = office.isEmpty ? "" : " of \(office)"
        out += "Equipment figures\(who) measured by kiemke from \(period.from) to \(min(period.to, DayKey.string(for: generatedAt, calendar: calendar))).\n\n"
        for s in kinds {
            let parts = Condition.allCases.filter { (s.conditions[$0] ?? 0) > 0 }.map { "\(n.count(s.conditions[$0]!)) \($0.english)" }
            out += "- \(s.kind.english): \(n.count(s.total))" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")") + "\n"
        }
        if let computers = kinds.first(where: { $0.kind == .computer }), let pct = computers.reachablePercent {
            out += "\n\(n.percent(pct)) of computers are reachable on the LAN (\(computers.reachable) of \(computers.networked) answered the latest probe).\n"
        }
        let availability = kinds.compactMap { s -> String? in
            s.availabilityPercent.map { "\(s.kind.english.lowercased()) \(n.percent($0))" + (s.kind == .computer ? " (office hours)" : "") }
        }
        out += availability.isEmpty ? "Not enough measurements yet to compute availability for the period.\n"
            : "Availability over the period: " + availability.joined(separator: "; ") + ".\n"
        if let internet, let pct = internet.availabilityPercent {
            out += "The internet link was up \(n.percent(pct)) of the time (measured to \(internet.targets.joined(separator: ", "))).\n"
        }
        if !kinds.contains(where: { $0.probed > 0 }) {
            out += "Note: no device has been probed yet.\n"
        } else if let coverage = coveragePercent, coverage > 0, coverage < 99.5 {
            out += "Note: measurements cover \(n.percent(coverage)) of the period (kiemke was not running for the rest); percentages are over covered time only.\n"
        }
        if !equipment.isEmpty {
            out += "\nBroken and degraded equipment:\n"
            for item in equipment {
                out += "- \(item.name) (\(item.kind.rawValue)\(item.location.isEmpty ? "" : ", \(item.location)")): \(item.condition.english) since \(DayKey.string(for: item.since, calendar: calendar))\(item.note.isEmpty ? "" : "; \(item.note)").\n"
            }
        }
        if !attention.isEmpty {
            out += "\nNeeds attention:\n"
            for item in attention { out += "- \(item.name): \(item.issue).\n" }
        }
        out += readinessText(.en)
        return out
    }

    // MARK: - Readiness

    private func readinessText(_ language: ReportLanguage) -> String {
        guard !readiness.isEmpty else { return "" }
        let n = NumberStyle(language)
        var lines: [String] = []
        let vi = language == .vi
        if let staff = readiness.staff {
            lines.append(vi ? "Số cán bộ, công chức: \(n.count(staff)) người" : "Staff: \(staff)")
            if let mail = readiness.staffWithOfficialEmail, staff > 0 {
                let pct = n.percent(Double(mail) * 100 / Double(staff))
                lines.append(vi ? "Tỷ lệ CBCC được cấp hộp thư điện tử công vụ: \(pct) (\(n.count(mail))/\(n.count(staff)))"
                                : "Staff with an official e-mail account: \(pct) (\(mail) of \(staff))")
            }
        } else if let mail = readiness.staffWithOfficialEmail {
            lines.append(vi ? "Số CBCC được cấp hộp thư điện tử công vụ: \(n.count(mail))" : "Staff with an official e-mail account: \(mail)")
        }
        if let signatures = readiness.digitalSignatures {
            lines.append(vi ? "Số chữ ký số đang sử dụng: \(n.count(signatures))" : "Digital signatures in use: \(signatures)")
        }
        if !readiness.software.isEmpty {
            lines.append((vi ? "Phần mềm đang sử dụng: " : "Software in use: ") + readiness.software.joined(separator: ", "))
        }
        if let room = readiness.onlineMeetingRoom {
            lines.append(vi ? (room ? "Có phòng họp trực tuyến" : "Chưa có phòng họp trực tuyến")
                            : (room ? "An online meeting room is in place" : "No online meeting room yet"))
        }
        return "\n" + (vi ? "Ứng dụng công nghệ thông tin:\n" : "IT use:\n") + lines.map { "- \($0).\n" }.joined()
    }

    // MARK: - Dates

    /// "2023-06-30" as "30/6/2023", the way the seed writes dates.
    static func vnDate(_ day: String) -> String {
        let p = day.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? "\(String(format: "%02d", p[2]))/\(String(format: "%02d", p[1]))/\(p[0])" : day
    }

    static func vnDate(_ date: Date, _ calendar: Calendar) -> String {
        vnDate(DayKey.string(for: date, calendar: calendar))
    }
}

extension String {
    /// "Máy Scan" -> "máy Scan", for a kind's name inside a sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
