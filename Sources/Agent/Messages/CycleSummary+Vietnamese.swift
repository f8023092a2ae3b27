import Foundation

extension CycleSummary: BilingualMessage {
    public var vietnamese: String {
        let seconds = String(format: "%.1f", duration.seconds).replacingOccurrences(of: ".", with: ",")
        var text = "đã thăm dò \(devices) thiết bị trong \(seconds) giây: \(up) hoạt động, \(down) mất kết nối"
        if off > 0 { text += ", \(off) tắt (ngoài giờ làm việc)" }
        if unprobeable > 0 { text += "; \(unprobeable) thiết bị không có địa chỉ mạng nên không thăm dò" }
        return text
    }
}
