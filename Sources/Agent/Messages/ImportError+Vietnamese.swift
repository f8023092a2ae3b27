import Inventory

extension ImportError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): \(SystemReason.vietnamese(reason)); chưa nhập gì"
        case .missingColumns(let file, let columns):
            return "\(file): dòng 1: tiêu đề thiếu cột \(columns.joined(separator: ", ")); "
                + "cần một dòng tiêu đề như name,kind,address,location,condition,note; chưa nhập gì"
        case .empty(let file):
            return "\(file): tệp rỗng; hãy xuất lại danh sách thiết bị từ bảng tính (một dòng tiêu đề name,kind,... và mỗi thiết bị một dòng)"
        case .noDeviceRows(let file):
            return "\(file): không có dòng thiết bị nào: tệp chỉ có dòng tiêu đề; hãy thêm mỗi thiết bị một dòng; chưa nhập gì"
        case .badRows(let file, let problems):
            let lines = problems.map { "  \(file): dòng \($0.line), \($0.field): \(ProblemText.vietnamese($0.message))" }
            return "\(file): \(problems.count) lỗi; chưa nhập gì:\n" + lines.joined(separator: "\n")
        }
    }
}
