import CNetSNMP
import KiemkeCore

/// What one PDU exchange returned: the response's error fields and variables.
struct SNMPResponse: Sendable {
    var errorStatus: SNMPErrorStatus
    var errorIndex: Int
    var varBinds: [VarBind]
    /// The authoritative engine ID the message carried (SNMPv3 discovery reads it from a Report).
    var engineID: [UInt8]
    var isReport: Bool
    /// For a Report, net-snmp's SNMPERR_* code naming it (usmStatsWrongDigests, ...); 0 otherwise.
    var reportCode: Int32

    /// Copies a response PDU into Swift values; the PDU stays owned by net-snmp.
    init(pdu: UnsafeMutablePointer<netsnmp_pdu>) {
        let p = pdu.pointee
        errorStatus = SNMPErrorStatus(code: Int(p.errstat))
        errorIndex = Int(p.errindex)
        isReport = Int32(p.command) == Int32(CNetSNMP_SNMP_MSG_REPORT)
        reportCode = isReport ? snmpv3_get_report_type(pdu) : 0
        if let id = p.securityEngineID, p.securityEngineIDLen > 0 {
            engineID = Array(UnsafeBufferPointer(start: id, count: p.securityEngineIDLen))
        } else {
            engineID = []
        }
        var binds: [VarBind] = []
        var cursor = p.variables
        while let variable = cursor {
            binds.append(Self.convert(variable.pointee))
            cursor = variable.pointee.next_variable
        }
        varBinds = binds
    }

    private static func convert(_ v: netsnmp_variable_list) -> VarBind {
        let name = OID(Array(UnsafeBufferPointer(start: v.name, count: v.name_length)).map { UInt($0) })
        let type = Int32(v.type)
        func bytes() -> [UInt8] {
            guard let s = v.val.string, v.val_len > 0 else { return [] }
            return Array(UnsafeBufferPointer(start: s, count: v.val_len))
        }
        let value: SNMPValue
        switch type {
        case Int32(CNetSNMP_ASN_INTEGER):
            value = .integer(Int64(v.val.integer?.pointee ?? 0))
        case Int32(CNetSNMP_ASN_OCTET_STR):
            value = .octets(bytes())
        case Int32(CNetSNMP_ASN_OBJECT_ID):
            let count = v.val_len / MemoryLayout<oid>.size
            if let o = v.val.objid, count > 0 {
                value = .oid(OID(Array(UnsafeBufferPointer(start: o, count: count)).map { UInt($0) }))
            } else {
                value = .oid(OID([0, 0]))
            }
        case Int32(CNetSNMP_ASN_IPADDRESS):
            value = .ipAddress(bytes())
        case Int32(CNetSNMP_ASN_COUNTER):
            value = .counter32(UInt32(truncatingIfNeeded: v.val.integer?.pointee ?? 0))
        case Int32(CNetSNMP_ASN_GAUGE):
            value = .gauge32(UInt32(truncatingIfNeeded: v.val.integer?.pointee ?? 0))
        case Int32(CNetSNMP_ASN_TIMETICKS):
            value = .timeTicks(UInt32(truncatingIfNeeded: v.val.integer?.pointee ?? 0))
        case Int32(CNetSNMP_ASN_COUNTER64):
            if let c = v.val.counter64?.pointee {
                value = .counter64(UInt64(c.high) << 32 | UInt64(c.low & 0xFFFF_FFFF))
            } else {
                value = .counter64(0)
            }
        case Int32(CNetSNMP_ASN_OPAQUE):
            value = .opaque(bytes())
        case Int32(CNetSNMP_SNMP_NOSUCHOBJECT):
            value = .noSuchObject
        case Int32(CNetSNMP_SNMP_NOSUCHINSTANCE):
            value = .noSuchInstance
        case Int32(CNetSNMP_SNMP_ENDOFMIBVIEW):
            value = .endOfMibView
        case Int32(CNetSNMP_TYPE_TOO_WIDE):
            value = .tooWide
        default:
            value = .null
        }
        return VarBind(oid: name, value: value)
    }
}
