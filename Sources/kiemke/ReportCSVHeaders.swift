import Inventory

/// The Vietnamese headers of `report --format csv --lang vi`. The report's device table names
/// its columns with stable keys in no language (its golden files pin them); a person opening the
/// file in Excel reads Vietnamese, so the header line is translated here, on the way out.
enum ReportCSVHeaders {
    static let vietnamese: [String: String] = [
        "name": "tên", "kind": "loại", "address": "địa chỉ", "location": "vị trí", "condition": "tình trạng",
        "condition_since": "tình trạng từ", "note": "ghi chú", "state": "trạng thái", "state_since": "trạng thái từ",
        "last_probe": "lần kiểm tra cuối", "availability_pct": "tỷ lệ hoạt động (%)", "up_seconds": "giây hoạt động",
        "down_seconds": "giây mất kết nối", "broken_seconds": "giây hỏng", "off_seconds": "giây tắt (ngoài giờ)",
        "unknown_seconds": "giây không đo", "counted": "được tính", "answered": "có trả lời", "measured": "được đo",
        "facts_at": "thông tin thiết bị đọc lúc",
    ]

    /// `csv` with its first line in Vietnamese; the rest unchanged.
    static func translated(_ csv: String) -> String {
        guard let end = csv.firstIndex(of: "\n"),
              let header = try? CSVReader().records(from: String(csv[..<end])).first else { return csv }
        return CSVReader.line(header.fields.map { vietnamese[$0] ?? $0 }) + csv[end...]
    }
}
