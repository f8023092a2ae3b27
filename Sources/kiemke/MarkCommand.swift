import Agent
import ArgumentParser
import Inventory
import KiemkeCore

/// `kiemke mark NAME CONDITION`: a person's judgement of a device.
struct MarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark a device good, fair, degraded or broken (Vietnamese words accepted), with a note.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The device's name (case ignored).") var name: String
    @Argument(help: "good, fair, degraded, broken (or tốt, trung bình, xuống cấp, hỏng).") var condition: String
    @Option(help: "Why, e.g. \"kẹt giấy, chờ sửa\".") var note: String = ""
    @Option(help: "Who judged it (default: your login name).") var by: String?

    func validate() throws {
        if let problem = DeviceTextRules.noteProblem(note) { throw ValidationError("--note \(problem)") }
        guard Condition(parsing: condition) != nil else {
            throw ValidationError("\"\(condition)\" is not a condition; use good, fair, degraded or broken (or hoạt động tốt, hoạt động trung bình, đã xuống cấp, đã bị hỏng)")
        }
    }

    func run() async throws {
        let store = try global.workspace().openStore()
        let mark = try store.mark(named: name, condition: Condition(parsing: condition)!, note: note,
                                  by: CurrentUser.name(explicit: by))
        let device = try store.device(named: name)
        print("\(TerminalText.escaped(device.name)): \(mark.condition.rawValue) (\(mark.condition.vietnamese))")
    }
}
