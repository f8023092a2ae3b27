import Inventory

extension ImportError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): \(SystemReason.vietnamese(reason)); chưa nhập gì"
        case .missingColumns(let file, let columns):
            return "\(file): dòng 1: tiêu đề thiếu cột \(columns.joined(separator: ", ")); "
                + "cần một dòng tiêu đề như name,kind,address,location,condition,note; chưa nhập gì"
        case .badRows(let file, let problems):
            let lines = problems.map { "  \(file): dòng \($0.line), \($0.field): \($0.message)" }
            return "\(file): \(problems.count) lỗi; chưa nhập gì:\n" + lines.joined(separator: "\n")
        }
    }
}
