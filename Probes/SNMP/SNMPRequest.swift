import CNetSNMP
import KiemkeCore

/// One PDU to send: its operation and the OIDs it names.
struct SNMPRequest: Sendable {
    enum Operation: Sendable, Equatable {
        case get
        case getNext
        case getBulk(nonRepeaters: Int, maxRepetitions: Int)
    }

    /// Per-request timeout and retries, overriding the session's settings (see `SNMPSession.paced`).
    struct Pacing: Sendable, Equatable {
        var timeout: Double
        var retries: Int
    }

    var operation: Operation
    var oids: [OID]
    /// nil: the session's configured timeout and retries.
    var pacing: Pacing? = nil

    /// Builds the net-snmp PDU; the caller owns it until `snmp_sess_async_send` accepts it.
    func makePDU() -> UnsafeMutablePointer<netsnmp_pdu>? {
        let command: Int32
        switch operation {
        case .get: command = Int32(CNetSNMP_SNMP_MSG_GET)
        case .getNext: command = Int32(CNetSNMP_SNMP_MSG_GETNEXT)
        case .getBulk: command = Int32(CNetSNMP_SNMP_MSG_GETBULK)
        }
        guard let pdu = snmp_pdu_create(command) else { return nil }
        if case .getBulk(let nonRepeaters, let maxRepetitions) = operation {
            // In a GETBULK PDU net-snmp reuses errstat/errindex as non-repeaters/max-repetitions.
            pdu.pointee.errstat = nonRepeaters
            pdu.pointee.errindex = maxRepetitions
        }
        for o in oids {
            var subids = o.components.map { oid($0) }
            snmp_add_null_var(pdu, &subids, subids.count)
        }
        return pdu
    }
}
