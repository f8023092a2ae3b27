import CNetSNMP

extension SNMPError {
    /// Maps a net-snmp SNMPERR_* code (from a session or a Report) to the error an operator can act on.
    static func fromNetSNMP(code: Int32, address: String, settings: SNMPSettings, message: String) -> SNMPError {
        switch code {
        case Int32(CNetSNMP_SNMPERR_TIMEOUT):
            return .timeout(address: address, seconds: settings.worstCaseSeconds)
        case Int32(CNetSNMP_SNMPERR_AUTHENTICATION_FAILURE), Int32(CNetSNMP_SNMPERR_USM_AUTHENTICATIONFAILURE):
            return .authenticationFailure(address: address)
        case Int32(CNetSNMP_SNMPERR_UNKNOWN_USER_NAME), Int32(CNetSNMP_SNMPERR_USM_UNKNOWNSECURITYNAME):
            return .unknownUser(address: address, user: settings.v3?.user ?? "")
        case Int32(CNetSNMP_SNMPERR_DECRYPTION_ERR), Int32(CNetSNMP_SNMPERR_USM_DECRYPTIONERROR):
            return .decryptionFailure(address: address)
        case Int32(CNetSNMP_SNMPERR_UNSUPPORTED_SEC_LEVEL), Int32(CNetSNMP_SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL):
            return .unsupportedSecurityLevel(address: address)
        default:
            return .library(address: address, code: Int(code), message: message)
        }
    }
}
