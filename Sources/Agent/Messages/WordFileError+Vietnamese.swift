import WordDocument

extension WordFileError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .archive(let part, let reason): "không thêm được \(part) vào tệp .docx: \(SystemReason.vietnamese(reason))"
        }
    }
}
