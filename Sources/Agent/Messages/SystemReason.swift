/// The reasons the system gives in English (Foundation's and errno's texts), in Vietnamese.
///
/// Only the reasons a user meets with files and folders; any other keeps its English words,
/// which name the problem more exactly than no text at all.
enum SystemReason {
    private static let known: [(needle: String, vi: String)] = [
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
    static func vietnamese(_ reason: String) -> String {
        let lowered = reason.lowercased()
        return known.first { lowered.contains($0.needle) }?.vi ?? reason
    }
}
