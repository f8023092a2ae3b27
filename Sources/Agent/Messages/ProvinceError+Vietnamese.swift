import Foundation
import ProvinceStore

extension ProvinceError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case .badURL(let url, let reason):
            "\"\(url)\" không phải URL cơ sở dữ liệu của tỉnh: \(Self.vietnameseURLReason(reason)); hãy viết dạng postgres://USER@HOST:5432/DATABASE (tài khoản, máy chủ, cổng, tên cơ sở dữ liệu)"
        case .unreachable(let server, let reason):
            "không kết nối được cơ sở dữ liệu của tỉnh tại \(server): \(Self.vietnameseReason(reason)); hãy kiểm tra đường mạng và [sync] url rồi thử lại"
        case .timedOut(let what, let seconds):
            "cơ sở dữ liệu của tỉnh không trả lời \(Self.vietnameseWhat(what)) trong \(Self.seconds(seconds)); đường mạng có thể bị đứt hoặc chậm"
        case .loginRefused(let server, let user, let reason):
            "cơ sở dữ liệu của tỉnh tại \(server) từ chối đăng nhập của \(user): \(Self.vietnameseReason(reason)); hãy kiểm tra [sync] password trong tệp bí mật"
        case .refused(let what, let message):
            "cơ sở dữ liệu của tỉnh từ chối \(Self.vietnameseWhat(what)): \(Self.vietnameseReason(message))"
        case .wrongOffice(let user, let configured, let actual?):
            "tài khoản \(user) trên máy chủ của tỉnh thuộc cơ quan \(actual), nhưng [sync] office_code là \(configured); chưa gửi gì"
        case .wrongOffice(let user, let configured, nil):
            "tài khoản \(user) trên máy chủ của tỉnh không thuộc cơ quan nào (office_code trong cấu hình: \(configured)); hãy nhờ tỉnh chạy `kiemke province add-office`; chưa gửi gì"
        case .newerSchema(let version, let known):
            "cơ sở dữ liệu của tỉnh có lược đồ phiên bản \(version), mới hơn bản kiemke này biết (\(known)); hãy nâng cấp kiemke"
        case .noSchema(let server):
            "cơ sở dữ liệu của tỉnh tại \(server) chưa có các bảng của kiemke; hãy chạy `kiemke province init URL` trước"
        case .badOfficeCode(let code):
            "mã cơ quan \"\(code)\" phải gồm 1 đến 40 chữ cái, chữ số hoặc _ (mã này đặt tên cho vai trò PostgreSQL kiemke_MÃ)"
        case .unknownOffice(let code):
            "cơ sở dữ liệu của tỉnh không có cơ quan \(code); lệnh `kiemke province add-office` tạo cơ quan đó"
        case .formatUnavailable(let format):
            "bảng của tỉnh chưa xuất được dạng \(format); hãy dùng text, markdown, csv hoặc json (hoặc --office MÃ cho mục của một xã)"
        case .badCentralRow(let table, let reason):
            "bảng \(table) của cơ sở dữ liệu tỉnh có một dòng kiemke không đọc được: \(reason)"
        }
    }

    /// Seconds in words, as the English message counts them.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) giây" : String(format: "%.1f giây", value)
    }

    /// What kiemke was doing when the server failed ("the devices", "migration 3"...), in Vietnamese.
    static func vietnameseWhat(_ what: String) -> String {
        let fixed: [String: String] = [
            "the whole sync round": "cả lượt đồng bộ",
            "the schema lock": "khóa lược đồ",
            "the migration table": "bảng các bước nâng cấp lược đồ",
            "the schema version": "phiên bản lược đồ",
            "the role check": "việc kiểm tra vai trò",
            "the connection": "việc kết nối",
            "the session settings": "các thiết lập phiên làm việc",
            "the start of a transaction": "việc bắt đầu giao dịch",
            "a rollback": "việc huỷ giao dịch",
            "the commit": "việc ghi nhận giao dịch",
            "the offices": "danh sách cơ quan",
            "the daily availability": "số liệu hoạt động theo ngày",
            "the hourly availability": "số liệu hoạt động theo giờ",
            "the hourly coverage": "độ phủ theo giờ",
            "the devices": "danh sách thiết bị",
            "the device states": "trạng thái thiết bị",
            "the state changes": "các lần đổi trạng thái",
            "the condition marks": "các lần đánh dấu tình trạng",
            "the observation summaries": "bản tóm tắt kết quả thăm dò",
            "the report's working memory": "bộ nhớ làm việc của báo cáo",
            "the office check": "việc kiểm tra cơ quan",
            "the office row": "dòng dữ liệu của cơ quan",
        ]
        if let vi = fixed[what] { return vi }
        let prefixed: [(en: String, vi: String)] = [
            ("the report of office ", "báo cáo của cơ quan "), ("migration ", "bước nâng cấp lược đồ "),
            ("the role ", "vai trò "), ("the office ", "cơ quan "),
        ]
        for (en, vi) in prefixed where what.hasPrefix(en) { return vi + what.dropFirst(en.count) }
        return what
    }

    /// The reasons kiemke writes and the network's usual ones, in Vietnamese; the server's own
    /// words (a PostgreSQL message) stay as given, since they name the problem exactly.
    static func vietnameseReason(_ reason: String) -> String {
        switch reason {
        case "it has never synced": return "cơ quan này chưa đồng bộ lần nào"
        case "the server cancelled it after its statement timeout": return "máy chủ đã huỷ vì quá thời gian cho phép của câu lệnh"
        case "it asks for a password and none was given": return "máy chủ đòi mật khẩu nhưng chưa có mật khẩu nào"
        default: break
        }
        let tls = "the server does not offer TLS, which sslmode="
        if reason.hasPrefix(tls), reason.hasSuffix(" requires") {
            return "máy chủ không hỗ trợ TLS, điều mà sslmode=\(reason.dropFirst(tls.count).dropLast(" requires".count)) đòi hỏi"
        }
        let lowered = reason.lowercased()
        let network: [(needle: String, vi: String)] = [
            ("connection refused", "máy chủ từ chối kết nối (PostgreSQL chưa chạy, hoặc sai cổng?)"),
            ("connect timeout", "hết thời gian chờ kết nối"),
            ("timed out", "hết thời gian chờ"),
            ("no route to host", "không có đường tới máy chủ"),
            ("network is unreachable", "không tới được mạng của máy chủ"),
            ("name or service not known", "không tìm thấy tên máy chủ"),
            ("connection reset", "kết nối bị ngắt giữa chừng"),
            ("connection closed", "kết nối bị đóng giữa chừng"),
            ("permission denied", "tài khoản không có quyền làm việc này"),
        ]
        // The library's own wording of a refused or reset connection is noise once said in Vietnamese
        // (LANG=C gives the English message with it).
        if let known = network.first(where: { lowered.contains($0.needle) }) {
            // The system's error number stays: it is what an IT person looks up.
            guard let range = reason.range(of: "errno: ") else { return known.vi }
            let number = reason[range.upperBound...].prefix(while: \.isNumber)
            return number.isEmpty ? known.vi : "\(known.vi), errno \(number)"
        }
        return reason
    }

    /// Why a province URL was refused (`ProvinceURL`), in Vietnamese.
    static func vietnameseURLReason(_ reason: String) -> String {
        switch reason {
        case "it must start with postgres://": return "URL phải bắt đầu bằng postgres://"
        case "it names no host": return "URL không có máy chủ"
        case "it names no user (postgres://USER@HOST/DATABASE)": return "URL không có tên tài khoản (postgres://USER@HOST/DATABASE)"
        case "it names no database (…/DATABASE at the end)": return "URL không có tên cơ sở dữ liệu (…/DATABASE ở cuối)"
        default: break
        }
        let patterns: [(prefix: String, middle: String, suffix: String, vi: (String, String) -> String)] = [
            ("port ", " is not 1 to 65535", "", { port, _ in "cổng \(port) không nằm trong khoảng 1 đến 65535" }),
            ("sslmode \"", "\" is not one of ", "", { mode, list in "sslmode \"\(mode)\" không phải một trong \(list)" }),
            ("\"", "\" is not a parameter kiemke knows (", ")", { name, list in "\"\(name)\" không phải tham số kiemke biết (\(list))" }),
            ("its certificates could not be read (", "", ")", { detail, _ in "không đọc được chứng chỉ (\(detail))" }),
        ]
        for pattern in patterns where reason.hasPrefix(pattern.prefix) && reason.hasSuffix(pattern.suffix) {
            let body = reason.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count)
            if pattern.middle.isEmpty { return pattern.vi(String(body), "") }
            if let range = body.range(of: pattern.middle) {
                return pattern.vi(String(body[..<range.lowerBound]), String(body[range.upperBound...]))
            }
        }
        return reason
    }
}
