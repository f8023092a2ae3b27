import Inventory

extension DeviceImporter.Summary: BilingualMessage {
    public var vietnamese: String {
        "thêm \(added), cập nhật \(updated), không đổi \(unchanged), ghi \(marked) lần đánh dấu tình trạng"
    }
}
