import Agent
import ArgumentParser
import Foundation
import Inventory
import KiemkeCore

/// `kiemke mark NAME CONDITION`: a person's judgement of a device, now or back-dated with `--at`.
struct MarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark a device good, fair, degraded or broken (Vietnamese words accepted), with a note.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The device's name (case ignored).") var name: String
    @Argument(help: "good, fair, degraded, broken (or tốt, trung bình, xuống cấp, hỏng).") var condition: String
    @Option(help: "Why, e.g. \"kẹt giấy, chờ sửa\".") var note: String = ""
    @Option(help: "Who judged it (default: your login name).") var by: String?
    @Option(help: "When the condition was seen, if not now: YYYY-MM-DD or YYYY-MM-DDTHH:MM in the office's time zone; never in the future, nor before the device was in service.")
    var at: String?

    func validate() throws {
        if let problem = DeviceTextRules.noteProblem(note) { throw ValidationError("--note \(problem)") }
        guard Condition(parsing: condition) != nil else {
            // `kiemke mark broken PHOTO-02`: the words are right, the order is not.
            if Condition(parsing: name) != nil {
                let command = "kiemke mark \(ShellWord.quoted(condition)) \(ShellWord.quoted(name))"
                throw ValidationError(Say.text("\"\(name)\" is a condition and \"\(condition)\" is not: the device's name comes first; run `\(command)`",
                                               vi: "\"\(name)\" là tình trạng còn \"\(condition)\" thì không: tên thiết bị đứng trước; hãy chạy `\(command)`"))
            }
            throw ValidationError(Condition.notACondition(condition))
        }
    }

    func run() async throws {
        let workspace = try global.workspace()
        let now = Date()
        // Read in the office's time zone, which the config names, so parsed after it is loaded.
        let date = try at.map { try workspace.pastDate($0, option: "--at", now: now) } ?? now
        let store = try workspace.openExistingStore()
        guard let parsed = Condition(parsing: condition) else { return }
        let mark = try store.mark(named: name, condition: parsed, note: note, by: CurrentUser.name(explicit: by),
                                  at: date, now: now)
        let device = try store.device(named: name)
        let dates = OfficeDate.Format(timeZone: workspace.timeZone)
        var line = Say.text("\(TerminalText.escaped(device.name)): \(mark.condition.rawValue) (\(mark.condition.vietnamese))",
                            vi: "\(TerminalText.escaped(device.name)): \(mark.condition.vietnamese)")
        if at != nil { line += Say.text(" since ", vi: " từ ") + dates.string(mark.markedAt) }
        print(line)
        // A back-dated mark before a later one is history: say which condition holds now.
        if let latest = try store.marks(of: device).first, latest.id != mark.id {
            print(Say.text("its condition now is still \(latest.condition.rawValue) (\(latest.condition.vietnamese)), marked \(dates.string(latest.markedAt))",
                           vi: "tình trạng hiện nay vẫn là \(latest.condition.vietnamese) (\(latest.condition.rawValue)), đánh dấu lúc \(dates.string(latest.markedAt))"))
        }
    }
}
