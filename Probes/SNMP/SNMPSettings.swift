import KiemkeCore
/// How to talk SNMP to one device: version, credentials, port, timeout and retries.
public struct SNMPSettings: Sendable, Codable, Hashable {
    /// SNMPv3 security level (RFC 3414).
    public enum SecurityLevel: String, Sendable, Codable, Hashable, CaseIterable {
        case noAuthNoPriv, authNoPriv, authPriv
    }

    /// SNMPv3 authentication protocols.
    public enum AuthProtocol: String, Sendable, Codable, Hashable, CaseIterable {
        case md5 = "MD5", sha = "SHA", sha256 = "SHA-256", sha512 = "SHA-512"
    }

    /// SNMPv3 privacy (encryption) protocols.
    public enum PrivProtocol: String, Sendable, Codable, Hashable, CaseIterable {
        case des = "DES", aes = "AES", aes256 = "AES-256"
    }

    /// SNMPv3 user credentials.
    public struct V3: Sendable, Codable, Hashable {
        public var user: String
        public var level: SecurityLevel
        public var authProtocol: AuthProtocol
        public var authPassphrase: String
        public var privProtocol: PrivProtocol
        public var privPassphrase: String
        /// Context name; empty for the default context.
        public var context: String

        /// Credentials for one USM user; passphrases must be at least 8 characters (RFC 3414).
        public init(user: String, level: SecurityLevel = .authPriv,
                    authProtocol: AuthProtocol = .sha, authPassphrase: String = "",
                    privProtocol: PrivProtocol = .aes, privPassphrase: String = "",
                    context: String = "") {
            self.user = user
            self.level = level
            self.authProtocol = authProtocol
            self.authPassphrase = authPassphrase
            self.privProtocol = privProtocol
            self.privPassphrase = privPassphrase
            self.context = context
        }
    }

    public var version: SNMPVersion
    /// Community for v1/v2c (ignored for v3).
    public var community: String
    /// UDP port of the agent.
    public var port: UInt16
    /// Credentials for v3 (required when `version == .v3`).
    public var v3: V3?
    /// Seconds to wait for each attempt.
    public var timeout: Double
    /// Retransmissions after the first attempt.
    public var retries: Int
    /// GETBULK max-repetitions for walks (v2c/v3).
    public var maxRepetitions: Int

    /// Settings with the usual defaults: v2c, community `public`, port 161, 2 s timeout, 1 retry.
    public init(version: SNMPVersion = .v2c, community: String = "public", port: UInt16 = 161,
                v3: V3? = nil, timeout: Double = 2, retries: Int = 1, maxRepetitions: Int = 25) {
        self.version = version
        self.community = community
        self.port = port
        self.v3 = v3
        self.timeout = timeout
        self.retries = retries
        self.maxRepetitions = maxRepetitions
    }

    /// SNMPv3 settings for one user.
    public static func v3(_ credentials: V3, port: UInt16 = 161, timeout: Double = 2, retries: Int = 1) -> SNMPSettings {
        SNMPSettings(version: .v3, community: "", port: port, v3: credentials, timeout: timeout, retries: retries)
    }

    /// The longest time one request can take: every attempt timing out.
    public var worstCaseSeconds: Double { timeout * (Double(retries) + 1) }
}
