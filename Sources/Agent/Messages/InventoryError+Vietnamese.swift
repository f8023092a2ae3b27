import Foundation
import Inventory

extension InventoryError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .deviceNotFound(let name, let suggestions):
            let hint = suggestions.isEmpty
                ? "; lệnh `kiemke devices list` liệt kê mọi thiết bị"
                : "; có phải ý bạn là \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
            return "không có thiết bị nào tên \"\(name)\"\(hint)"
        case .duplicateName(let name):
            return "đã có thiết bị tên \"\(name)\"; hãy chọn tên khác hoặc chạy `kiemke devices remove` với thiết bị cũ trước"
        case .invalidField(let field, let value, let reason):
            return "\(field) \"\(value)\" không hợp lệ: \(reason)"
        case .newerDatabase(let path, let unknown):
            return "cơ sở dữ liệu \(path) do một bản kiemke mới hơn ghi (có các bước cấu trúc mà bản này không biết: \(unknown.joined(separator: ", "))); hãy nâng cấp kiemke, hoặc dùng tệp khác với --db"
        case .cannotCreateFolder(let path, let reason):
            return "không tạo được thư mục \(path) cho cơ sở dữ liệu: \(SystemReason.vietnamese(reason)); hãy chọn chỗ khác với --db hoặc KIEMKE_DB"
        case .cannotOpen(let path, let reason):
            return "không mở được cơ sở dữ liệu \(path): \(SystemReason.vietnamese(reason))"
        case .missingDatabase(let path):
            return "chưa có cơ sở dữ liệu tại \(path); hãy chạy `kiemke devices import TỆP` (hoặc `kiemke devices add`) để tạo, hoặc chỉ đúng tệp bằng --db hoặc KIEMKE_DB"
        case .databaseIsFolder(let path):
            return "đường dẫn cơ sở dữ liệu \(path) là một thư mục; hãy cho đường dẫn của tệp, ví dụ \((path as NSString).appendingPathComponent("kiemke.sqlite"))"
        case .needsUpgrade(let path, let reason):
            return "cơ sở dữ liệu \(path) do bản kiemke cũ hơn tạo và cần được cập nhật, nhưng người dùng này không ghi được (\(reason)); hãy chạy `kiemke status` một lần với người dùng ghi được tệp (người dùng của dịch vụ, hoặc root)"
        case .markBeforeInService(let device, let markedAt, let inService):
            return "đánh dấu \(device) vào \(markedAt) sẽ sớm hơn ngày đưa vào sử dụng \(inService); hãy ghi ngày đánh dấu muộn hơn, hoặc dời ngày đưa vào sử dụng sớm hơn (nhập danh sách có cột `since`)"
        case .retired(let name, let on):
            return "\(name) đã ngừng sử dụng từ \(on); `kiemke devices show \(name)` cho xem lịch sử, và `kiemke devices add` đưa một thiết bị cùng tên vào sử dụng lại"
        case .nothingToEdit(let name):
            return "không có gì để sửa cho \(name): hãy cho --address, --location, --kind, --name, --note hoặc --schedule"
        case .databaseDeleted(let path):
            return "tệp cơ sở dữ liệu \(path) đã bị xoá; hãy khôi phục từ bản sao lưu (kiemke dùng lại ngay) hoặc khởi động lại kiemke để tạo tệp mới"
        case .databaseBeingReplaced(let path):
            return "tệp cơ sở dữ liệu \(path) vừa được thay và vẫn đang được ghi; kiemke mở nó khi nó yên một lúc"
        case .databaseReplaced(let path):
            return "tệp cơ sở dữ liệu \(path) đã được thay bằng tệp khác sau khi đọc dữ liệu cần ghi; hãy đọc lại"
        case .databaseReplacedWhileWriting(let path):
            return "tệp cơ sở dữ liệu \(path) bị xoá hoặc thay trong khi đang ghi; chưa ghi gì vào tệp hiện có, hãy thử lại"
        }
    }
}
