import Inventory

/// The reasons the system gives in English (Foundation's and errno's texts), in Vietnamese.
///
/// Only the reasons a user meets with files and folders; any other keeps its English words,
/// which name the problem more exactly than no text at all.
public enum SystemReason {
    private static let known: [(needle: String, vi: String)] = [
        // kiemke's own sentences about a file (FileProblem, ImportSource), before the system's
        // shorter ones they contain.
        ("there is no such file; check the name and the folder", "không có tệp này; hãy kiểm tra tên tệp và thư mục"),
        ("this is a folder, not a file; give the path of the csv file inside it",
         "đây là một thư mục, không phải tệp; hãy ghi đường dẫn của tệp CSV trong thư mục đó"),
        ("this is a folder, not a file", "đây là một thư mục, không phải tệp; hãy ghi đường dẫn của tệp trong thư mục đó"),
        ("this user may not read the file", "tài khoản này không được đọc tệp (không có quyền); hãy kiểm tra quyền của tệp hoặc chạy bằng tài khoản sở hữu tệp"),
        ("the file is not utf-8 text", "tệp không phải văn bản UTF-8; hãy lưu lại dạng UTF-8"),
        ("the file cannot be read", "không đọc được tệp (ổ đĩa hỏng, hoặc không phải tệp thường?); hãy chép tệp vào một thư mục trên máy rồi thử lại"),
        ("this is an excel workbook (.xlsx)",
         "đây là sổ tính Excel (.xlsx) hoặc một tài liệu nén khác, không phải CSV: trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (Comma delimited)\" rồi nhập tệp đó"),
        ("this is an excel workbook (.xls)",
         "đây là sổ tính Excel (.xls), không phải CSV: trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (Comma delimited)\" rồi nhập tệp đó"),
        ("no such file", "không có tệp hay thư mục này"),
        ("doesn’t exist", "không có tệp hay thư mục này"),
        ("does not exist", "không có tệp hay thư mục này"),
        ("permission", "không có quyền truy cập"),
        ("is a directory", "đây là một thư mục"),
        ("not a directory", "một phần của đường dẫn không phải thư mục"),
        ("read-only file system", "ổ đĩa chỉ đọc"),
        ("no space left", "ổ đĩa đã đầy"),
        ("disk i/o error", "lỗi đọc ghi ổ đĩa"),
        ("database is locked", "cơ sở dữ liệu đang bị khóa bởi tiến trình khác"),
        ("file is not a database", "tệp không phải cơ sở dữ liệu SQLite"),
        ("couldn’t be opened because you don’t have permission", "không có quyền đọc"),
        ("isn’t in the correct format", "tệp không đúng định dạng"),
    ]

    /// `reason` in Vietnamese when it is one of the known ones, else as given.
    public static func vietnamese(_ reason: String) -> String {
        if let failure = csvFailure(reason) { return failure.vietnamese }
        let lowered = reason.lowercased()
        return known.first { lowered.contains($0.needle) }?.vi ?? reason
    }

    /// The CSV reader's failure whose English text `reason` is ("line N: ..."), if it is one.
    private static func csvFailure(_ reason: String) -> CSVReader.Failure? {
        guard reason.hasPrefix("line "), let colon = reason.firstIndex(of: ":"),
              let line = Int(reason.dropFirst(5)[..<colon]) else { return nil }
        let candidates: [CSVReader.Failure] = [.notUTF8(line: line), .unterminatedQuote(line: line),
                                               .textAfterQuote(line: line), .nulByte(line: line)]
        return candidates.first { $0.description == reason }
    }
}
