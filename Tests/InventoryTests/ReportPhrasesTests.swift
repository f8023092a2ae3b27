import Foundation
import Inventory
import Testing
import KiemkeCore

@Suite("Report phrase tables: every kind, condition and attention item has words in every language")
struct ReportPhrasesTests {
    static let languages = ReportLanguage.allCases.map(\.phrases)

    @Test("every device kind has a non-empty name, distinct from the other kinds'", arguments: ReportLanguage.allCases)
    func kinds(language: ReportLanguage) {
        let phrases = language.phrases
        let names = DeviceKind.allCases.map(phrases.kindName)
        #expect(names.allSatisfy { !$0.isEmpty })
        #expect(Set(names).count == DeviceKind.allCases.count, "\(language): \(names)")
    }

    @Test("the Vietnamese kind wording has a counting word and a lead for every kind")
    func vietnameseKinds() {
        let vi = VietnamesePhrases()
        for kind in DeviceKind.allCases {
            let wording = vi.kind(kind)
            #expect(["máy", "cái"].contains(wording.unit), "\(kind)")
            #expect(["trong đó", "trong đó có"].contains(wording.lead), "\(kind)")
            #expect(!wording.inSentence.isEmpty && wording.inSentence.lowercased().first == wording.inSentence.first, "\(kind)")
        }
        // The seed's own wording.
        #expect(vi.kind(.scanner).unit == "máy" && vi.kind(.scanner).lead == "trong đó có")
        #expect(vi.kind(.copier).unit == "cái" && vi.kind(.copier).lead == "trong đó")
    }

    @Test("every condition has distinct words", arguments: ReportLanguage.allCases)
    func conditions(language: ReportLanguage) {
        let words = Condition.allCases.map(language.phrases.condition)
        #expect(words.allSatisfy { !$0.isEmpty })
        #expect(Set(words).count == Condition.allCases.count)
    }

    @Test("every named printer condition is translated into Vietnamese, and English keeps the reader's name",
          arguments: PrinterCondition.named)
    func printerConditions(condition: PrinterCondition) {
        let vi = VietnamesePhrases().attention(.printerCondition(condition))
        #expect(!vi.isEmpty && vi != condition.name, "no Vietnamese for \(condition.name)")
        #expect(EnglishPhrases().attention(.printerCondition(condition)) == condition.name)
        #expect(PrinterCondition(name: condition.name) == condition)
    }

    @Test("attention items, in both languages", arguments: [
        (Attention.longOutage(hours: 30), "mất kết nối 30 giờ", "down for 30 hours"),
        (.printerCondition(.serviceRequested), "cần bảo trì", "service requested"),
        (.printerCondition(.other("condition 17")), "báo lỗi \"condition 17\"", "condition 17"),
        (.lowSupply(name: "Toner (Black)", levelPct: 1, type: "toner", color: "black"), "hộp mực đen sắp hết (1%)", "Toner (Black) low (1%)"),
        (.lowSupply(name: "Toner (Black)", levelPct: 5), "vật tư \"Toner (Black)\" sắp hết (5%)", "Toner (Black) low (5%)"),
        (.diskFull(name: "C:\\", usedPct: 95.3), "ổ đĩa \"C:\\\" sắp đầy (95%)", "disk C:\\ nearly full (95%)"),
        (.newDevice(address: "192.168.1.37", mac: nil), "thiết bị mới chưa có trong danh sách", "new device, not in the list"),
        (.addressChanged(from: "192.168.1.11", to: "192.168.1.41", evidence: "same serial VNC1"),
         "đã đổi địa chỉ từ 192.168.1.11 sang 192.168.1.41 (cùng thiết bị, không tính là mất kết nối)",
         "address changed from 192.168.1.11 to 192.168.1.41 (same serial VNC1); no outage counted"),
        (.macConflict(mac: "00:1b:a9:00:00:01", places: ["CAM-01", "PC-02"]), "địa chỉ MAC 00:1b:a9:00:00:01 trùng giữa: CAM-01, PC-02; chưa chuyển gì",
         "MAC 00:1b:a9:00:00:01 claimed by more than one: CAM-01, PC-02; nothing was moved"),
        (.serialConflict(serial: "VNC1", places: ["192.168.1.44", "192.168.1.45"]), "số sê-ri VNC1 xuất hiện ở nhiều nơi: 192.168.1.44, 192.168.1.45; chưa chuyển gì",
         "serial VNC1 seen at more than one place: 192.168.1.44, 192.168.1.45; nothing was moved"),
    ])
    func attention(attention: Attention, vietnamese: String, english: String) {
        #expect(VietnamesePhrases().attention(attention) == vietnamese)
        #expect(EnglishPhrases().attention(attention) == english)
        #expect(attention.english == english)
    }

    @Test("a device's own names for its supplies and disks are never translated", arguments: [
        "Drum unit (offline spare)", "/media/disk 2", "Toner low (yield) jammed", "Cartridge 24 hours", "service requested kit",
    ])
    func namesKept(name: String) {
        for phrases in Self.languages {
            // Vietnamese quotes the device's own name whole; English shows it as is.
            let quoted = phrases.language == .vi ? "\"\(name)\"" : name
            #expect(phrases.attention(.lowSupply(name: name, levelPct: 3)).contains(quoted))
            #expect(phrases.attention(.diskFull(name: name, usedPct: 99)).contains(quoted))
        }
    }
}
