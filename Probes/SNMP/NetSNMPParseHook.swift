import CNetSNMP

/// The parse hook of every session (`CNetSNMP_sess_open`): net-snmp's own parse, then the raw message is
/// read for integers wider than their type (`WideIntegerScan`), and those variables are relabelled
/// `CNetSNMP_TYPE_TOO_WIDE`, so they decode as `SNMPValue.tooWide` instead of a truncated number.
enum NetSNMPParseHook {
    /// The hook; runs on the event-loop thread, inside `snmp_sess_read2`, before the session's callback.
    static let function: CNetSNMP_ParseHook = { session, pdu, packet, length in
        guard let session, let pdu else { return -1 }
        // CNetSNMP_sess_open keeps the session-list pointer snmp_parse needs in `myvoid`.
        let handle = session.pointee.myvoid?.assumingMemoryBound(to: session_list.self)
        let status = snmp_parse(handle, session, pdu, packet, length)
        guard status == 0, let packet, length > 0 else { return status }
        relabel(pdu, message: Array(UnsafeBufferPointer(start: packet, count: length)))
        return status
    }

    /// Relabels the too-wide integers of a parsed PDU. When the message cannot be followed or its count of
    /// variables disagrees with net-snmp's, every integer-typed variable is relabelled: a number that may
    /// be wrong is worse than an unknown one.
    static func relabel(_ pdu: UnsafeMutablePointer<netsnmp_pdu>, message: [UInt8]) {
        var variables: [UnsafeMutablePointer<netsnmp_variable_list>] = []
        var cursor = pdu.pointee.variables
        while let variable = cursor {
            variables.append(variable)
            cursor = variable.pointee.next_variable
        }
        switch WideIntegerScan.scan(message) {
        case .encrypted:
            // SNMPv3 with privacy: only an authenticated agent can have sent it, and its values are not visible here.
            return
        case .variables(let count, let tooWide) where count == variables.count:
            for position in tooWide where variables.indices.contains(position) {
                variables[position].pointee.type = u_char(CNetSNMP_TYPE_TOO_WIDE)
            }
        case .variables, .unreadable:
            for variable in variables where integerTypes.contains(Int32(variable.pointee.type)) {
                variable.pointee.type = u_char(CNetSNMP_TYPE_TOO_WIDE)
            }
        }
    }

    static let integerTypes: Set<Int32> = [
        Int32(CNetSNMP_ASN_INTEGER), Int32(CNetSNMP_ASN_COUNTER), Int32(CNetSNMP_ASN_GAUGE),
        Int32(CNetSNMP_ASN_TIMETICKS), Int32(CNetSNMP_ASN_COUNTER64),
    ]
}
