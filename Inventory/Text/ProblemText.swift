import Foundation

/// kiemke's sentences about one bad value (a CSV cell, a command-line option), in Vietnamese.
///
/// The rules that judge a value (kinds, conditions, durations, addresses, names, dates...) live in
/// the leaf modules and say why in English, where an import row problem or a usage error quotes
/// them. A Vietnamese user reads them through this table, applied to the whole message: each rule
/// rewrites one English sentence, keeping the values it quotes. `ProblemTextTests` feeds every
/// sentence the rules produce through it and fails on English left over.
public enum ProblemText {
    /// An English fragment (a regular expression; `$1`... in the replacement keep what it captured).
    private struct Rule {
        let pattern: NSRegularExpression?
        let vietnamese: String

        init(_ pattern: String, _ vietnamese: String) {
            // The patterns are constants of this file, each exercised by ProblemTextTests; one that
            // did not compile would be skipped rather than trap on a user's error path.
            self.pattern = try? NSRegularExpression(pattern: pattern)
            self.vietnamese = vietnamese
        }
    }

    /// Longer sentences before the shorter ones they contain.
    private static let rules: [Rule] = [
        // Kinds and conditions (DeviceKind.notAKind, Condition.notACondition).
        Rule(#" is not a condition; use good, fair, degraded or broken \(or tốt, trung bình, xuống cấp, hỏng\)"#,
             " không phải tình trạng; hãy dùng tốt, trung bình, xuống cấp hoặc hỏng (hay good, fair, degraded, broken)"),
        Rule(#"\? use good, fair, degraded or broken \(or tốt, trung bình, xuống cấp, hỏng\)"#,
             "? Hãy dùng tốt, trung bình, xuống cấp hoặc hỏng (hay good, fair, degraded, broken)"),
        Rule(#" is not a condition"#, " không phải tình trạng"),
        Rule(#" is not a kind"#, " không phải loại thiết bị"),
        Rule(#"; did you mean "#, "; có phải ý bạn là "),
        Rule(#"\? use one of "#, "? Hãy dùng một trong "),
        Rule(#"; use one of "#, "; hãy dùng một trong "),
        // Durations (DurationText).
        Rule(#" has no unit; write (\S+)m for (\S+) minutes \(or (\S+)s for seconds, (\S+)h for hours\)"#,
             " thiếu đơn vị; hãy viết $1m cho $2 phút (hoặc $3s cho giây, $4h cho giờ)"),
        Rule(#" is not a duration kiemke can use: it must be more than zero, like 30s or 5m"#,
             " không phải khoảng thời gian kiemke dùng được: phải lớn hơn 0, như 30s hoặc 5m"),
        Rule(#" is not a duration; write it like 500ms, 30s, 5m or 1h"#,
             " không phải khoảng thời gian; hãy viết như 500ms, 30s, 5m hoặc 1h"),
        Rule(#" is outside (\S+) to (\S+)"#, " nằm ngoài khoảng $1 đến $2"),
        // Addresses and ports (DeviceAddress, Port, the import's shared addresses, [web] listen).
        Rule(#"expected an IPv4 or IPv6 address such as 192\.168\.1\.20 \(leave it empty for a device with no network\)"#,
             "cần một địa chỉ IPv4 hoặc IPv6, ví dụ 192.168.1.20 (để trống nếu thiết bị không nối mạng)"),
        Rule(#" is also the address of (.+); give each device its own address, or write yes in a shared_address column on the rows of devices that really share one \(printers behind one print server\)"#,
             " cũng là địa chỉ của $1; hãy cho mỗi thiết bị một địa chỉ riêng, hoặc ghi yes ở cột shared_address trên các dòng của những thiết bị thật sự dùng chung một địa chỉ (các máy in sau một máy chủ in)"),
        Rule(#"\(line (\d+)\)"#, "(dòng $1)"),
        Rule(#"\(already in the inventory\)"#, "(đã có trong danh sách)"),
        Rule(#" is not a port: a port is a number from 1 to 65535"#, " không phải cổng: cổng là một số từ 1 đến 65535"),
        Rule(#"a port is a number from 1 to 65535"#, "cổng là một số từ 1 đến 65535"),
        Rule(#" is not HOST:PORT; write e\.g\. "0\.0\.0\.0:8080" \(every address\) or "127\.0\.0\.1:8080" \(this PC only\)"#,
             #" không có dạng MÁY:CỔNG; hãy viết ví dụ "0.0.0.0:8080" (mọi địa chỉ) hoặc "127.0.0.1:8080" (chỉ máy này)"#),
        Rule(#" is not an IPv4 or IPv6 address; write e\.g\. "0\.0\.0\.0:8080" or "\[::\]:8080""#,
             #" không phải địa chỉ IPv4 hay IPv6; hãy viết ví dụ "0.0.0.0:8080" hoặc "[::]:8080""#),
        Rule(#"port (\d+) is outside 1\.\.\.65535"#, "cổng $1 nằm ngoài 1...65535"),
        // Rows (DeviceImporter) and text cells (DeviceTextRules).
        Rule(#"has (\d+) fields but the header has (\d+); check for a missing or extra comma, or quote a field that contains a comma"#,
             "có $1 ô nhưng dòng tiêu đề có $2; hãy xem dấu phân cách thiếu hay thừa, hoặc đặt ô có dấu phẩy trong ngoặc kép"),
        Rule(#"is empty; every device needs a name"#, "đang trống; thiết bị nào cũng cần tên"),
        Rule(#"holds only control characters; write the device's name"#, "chỉ có ký tự điều khiển; hãy viết tên thiết bị"),
        Rule(#"holds a control character \((.+?)\); write the name as plain text"#, "có ký tự điều khiển ($1); hãy viết tên bằng chữ thông thường"),
        Rule(#"holds a control character \((.+?)\); write it as plain text"#, "có ký tự điều khiển ($1); hãy viết bằng chữ thông thường"),
        Rule(#"holds a control character; an SNMP community is plain text"#, "có ký tự điều khiển; community SNMP là chữ thông thường"),
        Rule(#"holds a bidi override \(U\+202A-U\+202E or U\+2066-U\+2069\), which makes it display as another name; retype it"#,
             "có ký tự đảo chiều chữ (U+202A-U+202E hoặc U+2066-U+2069), làm tên hiện ra thành tên khác; hãy gõ lại"),
        Rule(#"is (\d+) characters long; a name has at most (\d+)"#, "dài $1 ký tự; tên dài tối đa $2"),
        Rule(#"is (\d+) characters long; a location has at most (\d+)"#, "dài $1 ký tự; vị trí dài tối đa $2"),
        Rule(#"is (\d+) characters long; a note has at most (\d+)"#, "dài $1 ký tự; ghi chú dài tối đa $2"),
        Rule(#"is longer than 255 bytes; no SNMP agent accepts such a community"#, "dài hơn 255 byte; không thiết bị SNMP nào nhận community như vậy"),
        Rule(#""@" must be followed by the name of an entry of the secrets file's \[snmp\.communities\] \(letters, digits, - and _\)"#,
             #"sau "@" phải là tên một mục trong [snmp.communities] của tệp bí mật (chữ cái, chữ số, - và _)"#),
        Rule(#" is already used on line (\d+) \(names are matched ignoring case\)"#, " đã dùng ở dòng $1 (tên so khớp không phân biệt hoa thường)"),
        Rule(#" is not an SNMP version; use 1, 2c or 3"#, " không phải phiên bản SNMP; hãy dùng 1, 2c hoặc 3"),
        Rule(#" is not a schedule; use office \(switched off outside office hours\) or always"#,
             " không phải lịch; hãy dùng office (tắt ngoài giờ làm việc) hoặc always (luôn bật)"),
        Rule(#" is neither yes nor no \(có/không\); write yes on every row of devices that share one address"#,
             " không phải yes hay no (có/không); hãy ghi yes ở mọi dòng của các thiết bị dùng chung một địa chỉ"),
        // Probe failures kept with a device's last probe (SNMPError, the readers' notes).
        Rule(#"no SNMP answer from (\S+) within (\S+) s: check that the device is on, that SNMP is enabled, and the community/port"#,
             "$1 không trả lời SNMP trong $2 giây: hãy xem thiết bị có bật không, SNMP đã bật chưa, và community/cổng"),
        Rule(#"SNMPv3 authentication failed at (\S+): check the user's authentication passphrase and protocol"#,
             "$1 từ chối xác thực SNMPv3: hãy xem mật khẩu xác thực và giao thức của người dùng"),
        Rule(#"SNMPv3 user (".*?") is unknown to (\S+): check the user name configured on the device"#,
             "$2 không biết người dùng SNMPv3 $1: hãy xem tên người dùng cấu hình trên thiết bị"),
        Rule(#"(\S+) could not decrypt the SNMPv3 request: check the privacy passphrase and protocol"#,
             "$1 không giải mã được yêu cầu SNMPv3: hãy xem mật khẩu mã hóa và giao thức"),
        Rule(#"(\S+) does not allow this SNMPv3 security level for the user: check authNoPriv/authPriv"#,
             "$1 không cho người dùng này mức bảo mật SNMPv3 này: hãy xem authNoPriv/authPriv"),
        Rule(#"reading (\S+) took the whole read deadline of (\S+) s \(probe\.read_deadline\): the rest was not read"#,
             "đọc $1 đã hết hạn đọc $2 giây (probe.read_deadline): phần còn lại chưa đọc"),
        Rule(#"(\S+) walk incomplete: "#, "đọc bảng $1 chưa hết: "),
        Rule(#"(\S+) not read: the read deadline was reached before it"#, "chưa đọc $1: đã hết hạn đọc trước khi tới"),
        Rule(#"connection refused"#, "bị từ chối kết nối"),
        Rule(#"no answer within (\S+) s"#, "không trả lời trong $1 giây"),
        // The probes' one-word reasons (SocketErrno, ICMP errors), wherever they stand in a
        // summary ("icmp: timeout; tcp:445: refused"); never inside an option's name (--timeout).
        Rule(#"(?<![-\w.])host unreachable\b"#, "không tới được máy"),
        Rule(#"(?<![-\w.])no route\b"#, "không có đường tới"),
        Rule(#"(?<![-\w.])prohibited\b"#, "bị chặn"),
        Rule(#"(?<![-\w.])unreachable \(code (\d+)\)"#, "không tới được (mã $1)"),
        Rule(#"(?<![-\w.])TTL exceeded\b"#, "quá số bước (TTL)"),
        Rule(#"(?<![-\w.])timeout\b"#, "hết thời gian chờ"),
        Rule(#"(?<![-\w.])refused\b"#, "bị từ chối"),
        Rule(#"(?<![-\w.])no result\b"#, "không có kết quả"),
        Rule(#"(?<![-\w.])no ports to probe\b"#, "không có cổng để thử"),
        // Dates (OfficeDate, the import's in-service checks).
        Rule(#" is before the device's since (".*?"); a condition is seen while the device is in service"#,
             " trước ngày bắt đầu sử dụng $1 của thiết bị; tình trạng chỉ được ghi khi thiết bị đang được sử dụng"),
        Rule(#"^the condition would be dated (.+?), before (.+)'s in-service date (.+)$"#,
             "tình trạng sẽ mang ngày $1, trước ngày bắt đầu sử dụng của $2 ($3)"),
        Rule(#" is before the device's in-service date, which is now because since is empty; fill since with the date it came into service"#,
             " trước ngày bắt đầu sử dụng của thiết bị, là lúc này vì cột since trống; hãy ghi vào since ngày thiết bị bắt đầu được dùng"),
        Rule(#"^(.+?) is after (.+)'s mark (\S+) dated (.+?); a device is marked while in service$"#,
             "$1 sau lần đánh dấu $3 của $2 ngày $4; thiết bị chỉ được đánh dấu khi đang sử dụng"),
        Rule(#" is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM, e\.g\. 2023-03-15 or 2023-03-15T09:30"#,
             " không phải ngày; hãy viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, ví dụ 2023-03-15 hoặc 2023-03-15T09:30"),
        Rule(#" is not a day of the calendar \(check the day of the month and the time\)"#,
             " không có trên lịch (hãy xem lại ngày trong tháng và giờ)"),
        Rule(#" is in the future; kiemke records what has already happened"#, " là ngày trong tương lai; kiemke chỉ ghi những gì đã xảy ra"),
    ]

    /// Whether every rule's pattern compiles (a test checks it).
    static var allRulesCompile: Bool { rules.allSatisfy { $0.pattern != nil } }

    /// `english` with every sentence this table knows in Vietnamese; anything else as it was.
    public static func vietnamese(_ english: String) -> String {
        var text = english
        for rule in rules {
            guard let pattern = rule.pattern else { continue }
            let range = NSRange(text.startIndex..., in: text)
            guard pattern.firstMatch(in: text, range: range) != nil else { continue }
            text = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: rule.vietnamese)
        }
        return text
    }
}
