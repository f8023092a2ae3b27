extension InputError: BilingualMessage {
    public var vietnamese: String { vietnameseText ?? "dữ liệu nhập không hợp lệ: \(description)" }
}
