import KiemkeCore

/// The columns of a device list and their Vietnamese headers: `devices list --format csv
/// --lang vi` writes these, and the import reads a header in either language.
public enum ImportColumns {
    /// Each column's English name (the contract) beside its Vietnamese header.
    public static let vietnamese: [(String, String)] = [
        ("name", "tên"), ("kind", "loại"), ("address", "địa chỉ"), ("location", "vị trí"),
        ("condition", "tình trạng"), ("note", "ghi chú"), ("snmp_version", "phiên bản snmp"),
        ("snmp_community", "community snmp"), ("snmp_port", "cổng snmp"), ("schedule", "lịch"),
        ("interval", "chu kỳ"), ("since", "sử dụng từ"), ("condition_since", "tình trạng từ"),
        ("shared_address", "dùng chung địa chỉ"),
        ("vendor", "hãng"), ("model", "model"), ("serial", "số sê-ri"),
    ]

    /// The English name of a header cell: English or Vietnamese, any case, with or without
    /// diacritics, spaces or underscores ("Tên", "ten", "Địa chỉ", "dia_chi", "SNMP community").
    public static func canonical(_ header: String) -> String {
        let key = squeezed(header)
        if let match = vietnamese.first(where: { squeezed($0.0) == key || squeezed($0.1) == key }) { return match.0 }
        return NameKey.fold(header).replacingOccurrences(of: " ", with: "_")
    }

    /// The header of `column` in `language` ("vi" or "en").
    public static func header(_ column: String, vietnamese: Bool) -> String {
        guard vietnamese else { return column }
        return Self.vietnamese.first { $0.0 == column }?.1 ?? column
    }

    private static func squeezed(_ text: String) -> String {
        String(NameKey.loose(text).filter { $0 != " " && $0 != "_" && $0 != "-" })
    }
}
