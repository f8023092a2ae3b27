import Inventory

extension ReportFileWriter.Failure: BilingualMessage {
    public var vietnamese: String {
        "không ghi được \(path): \(ReportFileWriter.Failure.vietnameseReason(reason, path: path))"
    }

    /// The writer's own reasons, worded again; the system's go through `SystemReason`.
    static func vietnameseReason(_ reason: String, path: String) -> String {
        if reason == "the file name is empty" { return "tên tệp trống" }
        if reason.hasPrefix("it is a folder") { return "đây là một thư mục; hãy cho tên tệp, ví dụ \(path)/bao-cao-muc-6.docx" }
        if reason.hasPrefix("the folder "), reason.hasSuffix(" does not exist") {
            let folder = reason.dropFirst("the folder ".count).dropLast(" does not exist".count)
            return "thư mục \(folder) không tồn tại"
        }
        return SystemReason.vietnamese(reason)
    }
}

extension ReportFormat.NotText: BilingualMessage {
    public var vietnamese: String { "dạng \(format.rawValue) là tệp nhị phân, không phải văn bản: hãy ghi nó ra tệp (--output)" }
}
