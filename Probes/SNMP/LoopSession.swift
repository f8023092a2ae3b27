import CNetSNMP

/// One open net-snmp session and the request waiting on it; touched only on the event-loop thread.
final class LoopSession {
    let id: Int
    let handle: UnsafeMutableRawPointer
    let address: String
    let settings: SNMPSettings
    /// Completion of the request in flight; cleared before it is called so it runs exactly once.
    var waiting: ((Result<SNMPResponse, SNMPError>) -> Void)?
    /// When the request in flight was last (re)transmitted, to time its round trip.
    var sentAt = ContinuousClock.now
    /// The round trip of the last answered request: from its last transmission to the answer.
    var lastRoundTrip: Duration?
    /// The worst case of the request in flight (for the timeout error): its pacing's, or the settings'.
    var worstCaseSeconds: Double
    /// Messages dropped because they came from another address or port than the device's.
    var spoofedReplies = 0
    /// The SNMPv3 authoritative engine ID the session was opened with (found by discovery); empty for v1/v2c.
    let engineID: [UInt8]

    init(id: Int, handle: UnsafeMutableRawPointer, address: String, settings: SNMPSettings, engineID: [UInt8] = []) {
        self.id = id
        self.handle = handle
        self.address = address
        self.settings = settings
        self.engineID = engineID
        self.worstCaseSeconds = settings.worstCaseSeconds
    }

    /// Reacts to one net-snmp callback operation; false when a received message is ignored because it
    /// did not come from the device's address and port (net-snmp then keeps waiting for the real answer).
    func handle(operation: Int32, pdu: UnsafeMutablePointer<netsnmp_pdu>?) -> Bool {
        // A retransmission is net-snmp retrying on its own: the request is still alive.
        if operation == Int32(CNetSNMP_OP_RESEND) { sentAt = .now; return true }
        if operation == Int32(CNetSNMP_OP_CONNECT) { return true }
        // The socket is not connected: any host that guesses the request id could answer for the device.
        if operation == Int32(CNetSNMP_OP_RECEIVED_MESSAGE), let pdu, CNetSNMP_pdu_is_from_peer(handle, pdu) == 0 {
            spoofedReplies += 1
            return false
        }
        guard let waiting else { return true }
        let result: Result<SNMPResponse, SNMPError>
        switch operation {
        case Int32(CNetSNMP_OP_RECEIVED_MESSAGE),
             Int32(CNetSNMP_OP_SEC_ERROR) where pdu != nil:
            // SEC_ERROR comes first with the agent's Report (unknown engine ID, wrong digest, unknown user);
            // the Report says which, so it is passed on like a response and judged by the caller.
            if let pdu {
                lastRoundTrip = ContinuousClock.now - sentAt
                result = .success(SNMPResponse(pdu: pdu))
            } else {
                result = .failure(lastError())
            }
        case Int32(CNetSNMP_OP_TIMED_OUT):
            result = .failure(.timeout(address: address, seconds: worstCaseSeconds))
        default:
            // SEND_FAILED, DISCONNECT, SEC_ERROR: the session's own error says why.
            result = .failure(lastError())
        }
        self.waiting = nil
        waiting(result)
        return true
    }

    /// The session's last error, read with `snmp_sess_error` (never the global `snmp_errno`).
    func lastError() -> SNMPError {
        var libraryErrno: Int32 = 0
        var snmpErrno: Int32 = 0
        var message: UnsafeMutablePointer<CChar>?
        snmp_sess_error(handle, &libraryErrno, &snmpErrno, &message)
        let text = message.map { String(cString: $0) } ?? "unknown error"
        free(message)
        return SNMPError.fromNetSNMP(code: snmpErrno, address: address, settings: settings, message: text)
    }
}
