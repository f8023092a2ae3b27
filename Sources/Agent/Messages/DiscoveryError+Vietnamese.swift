import Discovery
import Probes

extension DiscoveryError: BilingualMessage {
    public var vietnamese: String {
        switch self {
        case let .malformedRange(text, reason):
            "dải \"\(text)\" không hợp lệ: \(Self.vietnameseReason(reason, range: text)) (hãy viết 192.168.1.0/24, 192.168.1.10-192.168.1.50, 192.168.1.10-50 hoặc một địa chỉ)"
        case let .overCap(count, cap):
            "các dải có \(count) địa chỉ, nhiều hơn \(cap) địa chỉ được quét khi không có --yes; thêm --yes để quét hết (theo tốc độ trong cấu hình), hoặc cho các dải nhỏ hơn"
        case .nothingToSweep:
            "không có dải nào để quét: hãy cho một dải (ví dụ 192.168.1.0/24)"
        }
    }

    /// The reasons `SweepRange` gives, in Vietnamese; one it does not know stays as given.
    static func vietnameseReason(_ reason: String, range: String) -> String {
        switch reason {
        case "it is empty": return "dải trống"
        case "FIRST-LAST needs two IPv4 addresses": return "dạng ĐẦU-CUỐI cần hai địa chỉ IPv4"
        case "the last address comes before the first": return "địa chỉ cuối đứng trước địa chỉ đầu"
        default: break
        }
        if reason.hasPrefix("it holds more than "), reason.hasSuffix(" addresses") {
            let count = reason.dropFirst("it holds more than ".count).dropLast(" addresses".count)
            return "dải có hơn \(count) địa chỉ"
        }
        if reason.hasPrefix("\""), reason.hasSuffix("\" is neither an IPv4 address nor a last number 0-255") {
            let part = reason.dropLast("\" is neither an IPv4 address nor a last number 0-255".count)
            return "\(part)\" không phải địa chỉ IPv4, cũng không phải số cuối 0-255"
        }
        // A CIDR block or address the network parser refused: its own error, in Vietnamese.
        let candidates: [IPNetworkError] = [.malformed(range), .tooLarge(range, maximum: IPNetwork.maximumHostCount)]
        if let error = candidates.first(where: { $0.description == reason }) { return error.vietnamese }
        return reason
    }
}
