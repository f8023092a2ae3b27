import CNetSNMP
import KiemkeCore

/// Turns settings into an opened net-snmp single session (`snmp_sess_open`), on the event-loop thread.
enum NetSNMPSessionFactory {
    /// net-snmp's transport specifier: `udp:127.0.0.1:161`, `udp6:[::1]:161`.
    static func peerName(address: String, port: UInt16) -> String {
        var host = address
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.contains(":") ? "udp6:[\(host)]:\(port)" : "udp:\(host):\(port)"
    }

    /// For SNMPv3, `engineID` is the agent's engine ID found by discovery: with it the session is ready for
    /// authenticated requests; without it, it can only send the discovery probe.
    static func open(address: String, settings: SNMPSettings, engineID: [UInt8] = []) -> Result<UnsafeMutableRawPointer, SNMPError> {
        if let problem = validate(settings) { return .failure(.invalidSettings(problem)) }
        var template = netsnmp_session()
        snmp_sess_init(&template)
        template.timeout = microseconds(settings.timeout)
        template.retries = Int32(clamping: settings.retries)
        let peer = peerName(address: address, port: settings.port)
        // snmp_sess_open copies every string and OID it is given, so the template may point at
        // temporary buffers that live only for this call.
        return peer.withCString { peerPtr -> Result<UnsafeMutableRawPointer, SNMPError> in
            template.peername = UnsafeMutablePointer(mutating: peerPtr)
            switch settings.version {
            case .v1, .v2c:
                template.version = settings.version == .v1 ? Int(CNetSNMP_SNMP_VERSION_1) : Int(CNetSNMP_SNMP_VERSION_2c)
                var community = Array(settings.community.utf8)
                return community.withUnsafeMutableBufferPointer { buffer in
                    template.community = buffer.baseAddress
                    template.community_len = buffer.count
                    return finishOpen(&template, address: address, settings: settings)
                }
            case .v3:
                let v3 = settings.v3!
                template.version = Int(CNetSNMP_SNMP_VERSION_3)
                // We discover the engine ID asynchronously ourselves: the library's probe would block.
                template.flags |= UInt(CNetSNMP_SNMP_FLAGS_DONT_PROBE)
                var engine = engineID
                let level: CNetSNMP_SecurityLevel = switch v3.level {
                case .noAuthNoPriv: .noAuthNoPriv
                case .authNoPriv: .authNoPriv
                case .authPriv: .authPriv
                }
                let auth: CNetSNMP_AuthProtocol = switch v3.authProtocol {
                case .md5: .md5
                case .sha: .sha1
                case .sha256: .sha256
                case .sha512: .sha512
                }
                let priv: CNetSNMP_PrivProtocol = switch v3.privProtocol {
                case .des: .des
                case .aes: .aes128
                case .aes256: .aes256
                }
                return v3.user.withCString { user in
                    v3.context.withCString { context in
                        template.securityName = UnsafeMutablePointer(mutating: user)
                        template.securityNameLen = strlen(user)
                        template.contextName = UnsafeMutablePointer(mutating: context)
                        template.contextNameLen = strlen(context)
                        let status = CNetSNMP_session_set_usm(&template, level, auth, v3.authPassphrase,
                                                            priv, v3.privPassphrase)
                        switch status {
                        case .ok:
                            guard !engine.isEmpty else { return finishOpen(&template, address: address, settings: settings) }
                            CNetSNMP_forget_usm_user(engine, engine.count, user)
                            return engine.withUnsafeMutableBufferPointer { buffer in
                                template.securityEngineID = buffer.baseAddress
                                template.securityEngineIDLen = buffer.count
                                template.contextEngineID = buffer.baseAddress
                                template.contextEngineIDLen = buffer.count
                                // With the engine ID known, opening creates the USM user with localized keys.
                                return finishOpen(&template, address: address, settings: settings)
                            }
                        case .unsupportedAuthProtocol:
                            return .failure(.invalidSettings("authentication protocol \(v3.authProtocol.rawValue) is not supported by this net-snmp"))
                        case .unsupportedPrivProtocol:
                            return .failure(.invalidSettings("privacy protocol \(v3.privProtocol.rawValue) is not supported by this net-snmp"))
                        case .keyDerivationFailed:
                            return .failure(.invalidSettings("cannot derive SNMPv3 keys: passphrases must have at least 8 characters"))
                        }
                    }
                }
            }
        }
    }

    private static func finishOpen(_ template: inout netsnmp_session, address: String,
                                   settings: SNMPSettings) -> Result<UnsafeMutableRawPointer, SNMPError> {
        guard let handle = CNetSNMP_sess_open(&template, NetSNMPParseHook.function) else {
            // The template holds the reason when the open failed.
            var message: UnsafeMutablePointer<CChar>?
            var libraryErrno: Int32 = 0
            var snmpErrno: Int32 = 0
            snmp_error(&template, &libraryErrno, &snmpErrno, &message)
            let text = message.map { String(cString: $0) } ?? "unknown reason"
            free(message)
            return .failure(.sessionOpen(address: address, reason: text))
        }
        return .success(handle)
    }

    /// The longest timeout per try a session accepts (an hour: no device needs more).
    static let maxTimeoutSeconds = 3_600.0
    /// The most retries a session accepts.
    static let maxRetries = 100

    /// Whole microseconds for net-snmp's `timeout` field, for a number of seconds already checked by
    /// `validate` (or derived from one); out-of-range input is clamped rather than trapping.
    static func microseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int(min(seconds, maxTimeoutSeconds) * 1_000_000)
    }

    /// Why these settings cannot work, or nil.
    static func validate(_ settings: SNMPSettings) -> String? {
        // Checked here, not only where the config is read: net-snmp takes whole microseconds in a C long
        // and retries in an int, and a conversion of a value out of range would stop the process.
        guard settings.timeout.isFinite, settings.timeout > 0 else { return "timeout must be a positive number of seconds" }
        if settings.timeout > maxTimeoutSeconds { return "timeout must be at most \(Int(maxTimeoutSeconds)) s" }
        if settings.retries < 0 { return "retries cannot be negative" }
        if settings.retries > maxRetries { return "retries must be at most \(maxRetries)" }
        guard settings.version == .v3 else { return nil }
        guard let v3 = settings.v3 else { return "SNMPv3 needs a user (settings.v3)" }
        if v3.user.isEmpty { return "SNMPv3 user name is empty" }
        if v3.level != .noAuthNoPriv, v3.authPassphrase.utf8.count < 8 {
            return "SNMPv3 authentication passphrase must have at least 8 characters"
        }
        if v3.level == .authPriv, v3.privPassphrase.utf8.count < 8 {
            return "SNMPv3 privacy passphrase must have at least 8 characters"
        }
        return nil
    }
}
