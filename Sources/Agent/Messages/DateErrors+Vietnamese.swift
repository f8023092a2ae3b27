import Inventory

extension OfficeDate.Failure: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .malformed(let text):
            "\"\(text)\" không phải ngày; hãy viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, ví dụ 2023-03-15 hoặc 2023-03-15T09:30"
        case .noSuchDate(let text):
            "\"\(text)\" không có trên lịch (hãy xem lại ngày trong tháng và giờ)"
        case .inFuture(let text):
            "\"\(text)\" là ngày trong tương lai; kiemke chỉ ghi những gì đã xảy ra"
        }
    }
}

extension ReportPeriod.Failure: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .unknown(let text):
            "--period \"\(text)\" không phải kỳ báo cáo; hãy viết 2023-H1, 2023-H2, 2023, 2023-Q1 ... 2023-Q4, hoặc dùng --from và --to"
        case .badDate(let text):
            "\"\(text)\" không phải ngày; hãy viết một ngày có thật dạng YYYY-MM-DD (ví dụ 2023-06-30)"
        case .reversed(let from, let to):
            "kỳ báo cáo bắt đầu (\(from)) sau ngày kết thúc (\(to))"
        case .notStarted(let from, let today):
            "kỳ báo cáo bắt đầu ngày \(from), sau hôm nay (\(today)); báo cáo chỉ tính được thời gian đã bắt đầu"
        }
    }
}

extension CSVReader.Failure: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .notUTF8(let line):
            "dòng \(line): tệp không phải văn bản UTF-8; hãy lưu lại từ bảng tính dạng \"CSV UTF-8\""
        case .unterminatedQuote(let line):
            "dòng \(line): một ô trong ngoặc kép không được đóng (thiếu dấu \")"
        case .textAfterQuote(let line):
            "dòng \(line): có chữ sau dấu ngoặc kép đóng; muốn viết dấu ngoặc kép trong ô thì viết \"\""
        case .nulByte(let line):
            "dòng \(line): tệp có một byte 0 (NUL), văn bản không bao giờ có; đây không phải tệp CSV hoặc tệp bị hỏng: hãy lưu lại từ bảng tính dạng \"CSV UTF-8\""
        }
    }
}
