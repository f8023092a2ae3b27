import Foundation

/// One net-snmp `snmpd` per test process on a free loopback port, with v1/v2c community `public` and
/// SNMPv3 users for every security level and protocol the engine supports. Killed when the tests end.
public final class SNMPDaemon: Sendable {
    /// The process-wide daemon.
    public static let shared = SNMPDaemon()

    /// An SNMPv3 user configured in the daemon.
    public struct User: Sendable {
        public let name: String
        public let auth: String
        public let authPassphrase: String
        public let priv: String?
        public let privPassphrase: String?
    }

    /// The users `createUser` makes (protocol names as snmpd spells them).
    public static let users: [User] = [
        User(name: "kiemke-sha-aes", auth: "SHA", authPassphrase: "auth-pass-sha", priv: "AES", privPassphrase: "priv-pass-aes"),
        User(name: "kiemke-md5-des", auth: "MD5", authPassphrase: "auth-pass-md5", priv: "DES", privPassphrase: "priv-pass-des"),
        User(name: "kiemke-sha256-aes", auth: "SHA-256", authPassphrase: "auth-pass-256", priv: "AES", privPassphrase: "priv-pass-256"),
        // Only for the wrong-passphrase test: net-snmp's USM user table is process-wide, so a session with a
        // wrong passphrase must not share its user with sessions running in parallel.
        User(name: "kiemke-wrong-then-right", auth: "SHA", authPassphrase: "auth-pass-wtr", priv: "AES", privPassphrase: "priv-pass-wtr"),
        User(name: "kiemke-auth-only", auth: "SHA", authPassphrase: "auth-pass-only", priv: nil, privPassphrase: nil),
    ]

    /// Why snmpd cannot run here (tests skip with this reason).
    public static var unavailableReason: String? {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/snmpd") ? nil : "snmpd is not installed"
    }

    /// Whether ::1 is configured, so the daemon also listens on udp6:[::1] (same port).
    public static let hasIPv6Loopback: Bool = {
        let fd = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in6()
        addr.sin6_family = sa_family_t(AF_INET6)
        addr.sin6_addr = in6addr_loopback
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
        }
    }()

    private let once = SNMPStartOnce<UInt16>()

    /// Starts snmpd if needed and returns its port on 127.0.0.1.
    public func port() async throws -> UInt16 { try await once.value { try await Self.start() } }

    private static func start() async throws -> UInt16 {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("kiemke-snmpd-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: base)
        let persistent = base.appendingPathComponent("persist")
        try fm.createDirectory(at: persistent, withIntermediateDirectories: true)
        var config = "rocommunity public 127.0.0.1\nrocommunity6 public ::1\nsysDescr kiemke test agent\nsysLocation loopback\n"
        for user in Self.users {
            if let priv = user.priv, let privPassphrase = user.privPassphrase {
                config += "createUser \(user.name) \(user.auth) \"\(user.authPassphrase)\" \(priv) \"\(privPassphrase)\"\n"
                config += "rouser \(user.name) priv\n"
            } else {
                config += "createUser \(user.name) \(user.auth) \"\(user.authPassphrase)\"\n"
                config += "rouser \(user.name) auth\n"
            }
        }
        let configFile = base.appendingPathComponent("snmpd.conf")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        let port = SNMPChildProcess.freeUDPPort()
        let child = try SNMPChildProcess(
            arguments: ["/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", configFile.path, "--persistentDir=\(persistent.path)",
                        Self.hasIPv6Loopback ? "udp:127.0.0.1:\(port),udp6:[::1]:\(port)" : "udp:127.0.0.1:\(port)"],
            logFile: base.appendingPathComponent("snmpd.log"),
            environment: ["MIBS": "", "SNMP_PERSISTENT_DIR": persistent.path], removeOnExit: base)
        guard await SNMPChildProcess.waitUntilAnswering(["-v2c", "-c", "public", "127.0.0.1:\(port)", "1.3.6.1.2.1.1.1.0"], seconds: 20)
        else {
            child.stop()
            throw SimulatorError("snmpd did not answer within 20 s:\n\(child.log())")
        }
        return port
    }
}
