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
        template.timeout = Int(settings.timeout * 1_000_000)
        template.retries = Int32(settings.retries)
        let peer = peerName(address: address, port: settings.port)
        // snmp_sess_open copies every string and OID it is given, so the template may point at
        // temporary buffers that live only for this call.
        return peer.withCString { peerPtr -> Result<UnsafeMutableRawPointer, SNMPError> in
            template.peername = UnsafeMutablePointer(mutating: peerPtr)
            switch settings.version {
            case .v1, .v2c:
                template.version = settings.version == .v1 ? Int(kiemke_SNMP_VERSION_1) : Int(kiemke_SNMP_VERSION_2c)
                var community = Array(settings.community.utf8)
                return community.withUnsafeMutableBufferPointer { buffer in
                    template.community = buffer.baseAddress
                    template.community_len = buffer.count
                    return finishOpen(&template, address: address, settings: settings)
                }
            case .v3:
                let v3 = settings.v3!
                template.version = Int(kiemke_SNMP_VERSION_3)
                // We discover the engine ID asynchronously ourselves: the library's probe would block.
                template.flags |= UInt(kiemke_SNMP_FLAGS_DONT_PROBE)
                var engine = engineID
                let level: Int32 = switch v3.level {
                case .noAuthNoPriv: Int32(kiemke_SNMP_SEC_LEVEL_NOAUTH)
                case .authNoPriv: Int32(kiemke_SNMP_SEC_LEVEL_AUTHNOPRIV)
                case .authPriv: Int32(kiemke_SNMP_SEC_LEVEL_AUTHPRIV)
                }
                let auth: Int32 = switch v3.authProtocol {
                case .md5: Int32(KIEMKE_AUTH_MD5)
                case .sha: Int32(KIEMKE_AUTH_SHA1)
                case .sha256: Int32(KIEMKE_AUTH_SHA256)
                case .sha512: Int32(KIEMKE_AUTH_SHA512)
                }
                let priv: Int32 = switch v3.privProtocol {
                case .des: Int32(KIEMKE_PRIV_DES)
                case .aes: Int32(KIEMKE_PRIV_AES128)
                case .aes256: Int32(KIEMKE_PRIV_AES256)
                }
                return v3.user.withCString { user in
                    v3.context.withCString { context in
                        template.securityName = UnsafeMutablePointer(mutating: user)
                        template.securityNameLen = strlen(user)
                        template.contextName = UnsafeMutablePointer(mutating: context)
                        template.contextNameLen = strlen(context)
                        let status = kiemke_session_set_usm(&template, level, auth, v3.authPassphrase,
                                                            priv, v3.privPassphrase)
                        switch status {
                        case 0:
                            guard !engine.isEmpty else { return finishOpen(&template, address: address, settings: settings) }
                            kiemke_forget_usm_user(engine, engine.count, user)
                            return engine.withUnsafeMutableBufferPointer { buffer in
                                template.securityEngineID = buffer.baseAddress
                                template.securityEngineIDLen = buffer.count
                                template.contextEngineID = buffer.baseAddress
                                template.contextEngineIDLen = buffer.count
                                // With the engine ID known, opening creates the USM user with localized keys.
                                return finishOpen(&template, address: address, settings: settings)
                            }
                        case 1: return .failure(.invalidSettings("authentication protocol \(v3.authProtocol.rawValue) is not supported by this net-snmp"))
                        case 2: return .failure(.invalidSettings("privacy protocol \(v3.privProtocol.rawValue) is not supported by this net-snmp"))
                        default: return .failure(.invalidSettings("cannot derive SNMPv3 keys: passphrases must have at least 8 characters"))
                        }
                    }
                }
            }
        }
    }

    private static func finishOpen(_ template: inout netsnmp_session, address: String,
                                   settings: SNMPSettings) -> Result<UnsafeMutableRawPointer, SNMPError> {
        guard let handle = snmp_sess_open(&template) else {
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

    /// Why these settings cannot work, or nil.
    static func validate(_ settings: SNMPSettings) -> String? {
        if settings.timeout <= 0 { return "timeout must be positive" }
        if settings.retries < 0 { return "retries cannot be negative" }
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
