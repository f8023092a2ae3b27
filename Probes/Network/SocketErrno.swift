import Glibc

/// Words for the errno values the probes turn into results rather than errors.
enum SocketErrno {
    /// The reason a result reports for a failed send or connect.
    static func reason(_ code: Int32) -> String {
        switch code {
        case EHOSTUNREACH: return "host unreachable"
        case ENETUNREACH: return "no route"
        case EACCES, EPERM: return "prohibited"
        case ETIMEDOUT: return "timeout"
        case ECONNREFUSED: return "refused"
        // An IPv4 blackhole route in the prober's own table fails the send with EINVAL.
        case EINVAL: return "no route"
        default: return message(code)
        }
    }

    /// `strerror` as a Swift string.
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
