import Foundation
import KiemkeCore

/// A value an agent returned for one variable, typed as on the wire.
///
/// `noSuchObject`, `noSuchInstance` and `endOfMibView` are values, not errors: a device that lacks a
/// MIB still answers the rest of the request.
public enum SNMPValue: Sendable, Hashable, Codable {
    case integer(Int64)
    case octets([UInt8])
    case oid(OID)
    case ipAddress([UInt8])
    case counter32(UInt32)
    case gauge32(UInt32)
    case timeTicks(UInt32)
    case counter64(UInt64)
    case opaque([UInt8])
    case null
    case noSuchObject
    case noSuchInstance
    case endOfMibView
    /// An integer the agent encoded wider than its type allows (an INTEGER or Counter32 beyond 32 bits).
    /// net-snmp keeps only the low 32 bits of such a value, a number the device never sent, so it is
    /// kept as unknown instead.
    case tooWide

    /// Whether the agent had nothing at this OID (one of the three exception values).
    public var isException: Bool {
        switch self {
        case .noSuchObject, .noSuchInstance, .endOfMibView: true
        default: false
        }
    }

    /// The value as a signed number, for any integer-like type.
    public var intValue: Int64? {
        switch self {
        case .integer(let v): v
        case .counter32(let v), .gauge32(let v), .timeTicks(let v): Int64(v)
        case .counter64(let v): v <= UInt64(Int64.max) ? Int64(v) : nil
        default: nil
        }
    }

    /// The value as text: OCTET STRINGs decoded as UTF-8 (Latin-1 when not valid UTF-8), trailing NULs and
    /// surrounding whitespace removed; nil for other types.
    public var text: String? {
        guard case .octets(var bytes) = self else { return nil }
        while let last = bytes.last, last == 0 { bytes.removeLast() }
        let decoded = String(validating: bytes, as: UTF8.self)
            ?? String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        return decoded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The raw bytes of an OCTET STRING or Opaque.
    public var bytes: [UInt8]? {
        switch self {
        case .octets(let b), .opaque(let b), .ipAddress(let b): b
        default: nil
        }
    }

    /// The value as an OID.
    public var oidValue: OID? {
        if case .oid(let o) = self { return o }
        return nil
    }
}
