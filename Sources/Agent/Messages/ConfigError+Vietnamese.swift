extension ConfigError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): không đọc được tệp cấu hình: \(SystemReason.vietnamese(reason))"
        case .syntax(let file, let line, let message):
            "\(file):\(line): lỗi cú pháp TOML: \(message)"
        case .unknownKey(let file, let line, let key, let known):
            "\(file):\(line): khóa \(key) không có" + (known.isEmpty ? "" : "; các khóa hợp lệ ở đây: \(known.joined(separator: ", "))")
        case .wrongType(let file, let line, let key, let expected, let found):
            "\(file):\(line): \(key) phải là \(Self.typeName(expected)), nhưng là \(Self.typeName(found))"
        case .invalidValue(let file, let line, let key, let message):
            "\(file):\(line): \(key): giá trị không hợp lệ: \(message)"
        }
    }

    /// The Vietnamese for the value kinds `ConfigValue` names.
    private static func typeName(_ english: String) -> String {
        [
            "a string": "văn bản (trong ngoặc kép)", "an integer": "số nguyên", "a number": "số",
            "true or false": "true hoặc false", "a list": "danh sách", "a table": "bảng",
        ][english] ?? english
    }
}
