/// Why an SNMP request gave no answer, in words an operator can act on.
public enum SNMPError: Error, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// No response after every retry: the device is off, unreachable, or the community/port is wrong.
    case timeout(address: String, seconds: Double)
    /// SNMPv3: wrong authentication passphrase or protocol (wrong digest).
    case authenticationFailure(address: String)
    /// SNMPv3: the agent does not know this user name.
    case unknownUser(address: String, user: String)
    /// SNMPv3: the agent could not decrypt the request (wrong privacy passphrase or protocol).
    case decryptionFailure(address: String)
    /// SNMPv3: the user is not allowed this security level.
    case unsupportedSecurityLevel(address: String)
    /// The agent reported an error status (genErr, noAccess, ...) for the request.
    case agentError(address: String, status: Int, index: Int, name: String)
    /// The response would not fit even for a single variable.
    case tooBig(address: String)
    /// net-snmp could not open a session (bad address, no such host, socket failure).
    case sessionOpen(address: String, reason: String)
    /// The settings cannot be used (missing v3 credentials, short passphrase, unknown protocol).
    case invalidSettings(String)
    /// The engine was shut down before the request finished.
    case engineStopped
    /// Any other library failure, with net-snmp's message.
    case library(address: String, code: Int, message: String)
    /// The device's read took its whole deadline (a slow agent, an endless table): what was read is kept.
    case deadlineExceeded(address: String, seconds: Double)

    public var description: String {
        switch self {
        case .timeout(let address, let seconds):
            "no SNMP answer from \(address) within \(Self.format(seconds)) s: check that the device is on, that SNMP is enabled, and the community/port"
        case .authenticationFailure(let address):
            "SNMPv3 authentication failed at \(address): check the user's authentication passphrase and protocol"
        case .unknownUser(let address, let user):
            "SNMPv3 user \"\(user)\" is unknown to \(address): check the user name configured on the device"
        case .decryptionFailure(let address):
            "\(address) could not decrypt the SNMPv3 request: check the privacy passphrase and protocol"
        case .unsupportedSecurityLevel(let address):
            "\(address) does not allow this SNMPv3 security level for the user: check authNoPriv/authPriv"
        case .agentError(let address, let status, let index, let name):
            "\(address) answered with error \(name) (\(status)) at variable \(index)"
        case .tooBig(let address):
            "\(address) cannot fit even one variable in a response (tooBig)"
        case .sessionOpen(let address, let reason):
            "cannot open an SNMP session to \(address): \(reason)"
        case .invalidSettings(let reason):
            "invalid SNMP settings: \(reason)"
        case .engineStopped:
            "the SNMP engine was shut down before the request finished"
        case .library(let address, let code, let message):
            "SNMP request to \(address) failed: \(message) (net-snmp error \(code))"
        case .deadlineExceeded(let address, let seconds):
            "reading \(address) took the whole read deadline of \(Self.format(seconds)) s (probe.read_deadline): the rest was not read"
        }
    }

    /// Whether the failure means the device did not answer at all (as opposed to answering with a refusal).
    public var isTimeout: Bool {
        if case .timeout = self { return true }
        return false
    }

    private static func format(_ seconds: Double) -> String {
        // Int(_:) traps on infinity, NaN and huge values: only whole numbers of a sane size are shown without ".0".
        guard seconds.isFinite, abs(seconds) < 1e15, seconds == seconds.rounded() else { return String(seconds) }
        return String(Int(seconds))
    }
}
