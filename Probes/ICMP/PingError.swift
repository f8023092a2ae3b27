/// Why a `Pinger` could not be made. Callers catch it and go on with TCP and SNMP.
public enum PingError: Error, Equatable, CustomStringConvertible {
    /// No ICMP socket may be opened by this user; the message lists the three fixes.
    case permissionDenied(mode: PingMode, executable: String, detail: String)
    /// The kernel refused the socket for another reason (no IPv4, out of descriptors, …).
    case socketFailed(detail: String)
    /// An option outside its range.
    case invalidOption(String)

    public var description: String {
        switch self {
        case let .permissionDenied(mode, executable, detail):
            let what = switch mode {
            case .automatic: "neither a raw nor an unprivileged ICMP socket"
            case .raw: "a raw ICMP socket"
            case .datagram: "an unprivileged (datagram) ICMP socket"
            }
            let rawNote = mode == .datagram ? "\n(fixes 1 and 2 take effect with the automatic or raw mode)" : ""
            return """
                cannot ping: this user may not open \(what) (\(detail)). Fix one of:
                  1. run kiemke as root (e.g. sudo \(executable) ...)
                  2. give the program the raw-socket capability: sudo setcap cap_net_raw+ep \(executable)
                  3. let every group open ping sockets: sudo sysctl -w net.ipv4.ping_group_range="0 2147483647"
                     (to keep it after reboot: echo 'net.ipv4.ping_group_range = 0 2147483647' | sudo tee /etc/sysctl.d/60-kiemke-ping.conf)\(rawNote)
                """
        case .socketFailed(let detail):
            return "cannot ping: \(detail)"
        case .invalidOption(let detail):
            return "invalid ping option: \(detail)"
        }
    }
}
