/// Hand-made BER for the hostile agent: SNMP messages built byte by byte, so a test can send exactly the
/// encoding it wants (too-wide integers, wrong types, bad lengths), and a small reader for requests.
public enum HostileBER {
    /// A value as the agent puts it on the wire.
    public enum Value: Sendable, Hashable {
        case integer(Int64)
        /// An INTEGER with exactly these content bytes (for non-minimal or too-wide encodings).
        case integerBytes([UInt8])
        case octets([UInt8])
        case oid([UInt])
        case ipAddress([UInt8])
        case counter32(UInt64)
        case gauge32(UInt64)
        case timeTicks(UInt64)
        case counter64(UInt64)
        case opaque([UInt8])
        case null
        case noSuchObject
        case noSuchInstance
        case endOfMibView
        /// Any tag with any content.
        case raw(tag: UInt8, content: [UInt8])

        public static func text(_ s: String) -> Value { .octets(Array(s.utf8)) }

        public var encoded: [UInt8] {
            switch self {
            case .integer(let v): tlv(0x02, signedBytes(v))
            case .integerBytes(let b): tlv(0x02, b)
            case .octets(let b): tlv(0x04, b)
            case .oid(let o): tlv(0x06, oidBytes(o))
            case .ipAddress(let b): tlv(0x40, b)
            case .counter32(let v): tlv(0x41, unsignedBytes(v))
            case .gauge32(let v): tlv(0x42, unsignedBytes(v))
            case .timeTicks(let v): tlv(0x43, unsignedBytes(v))
            case .counter64(let v): tlv(0x46, unsignedBytes(v))
            case .opaque(let b): tlv(0x44, b)
            case .null: [0x05, 0x00]
            case .noSuchObject: [0x80, 0x00]
            case .noSuchInstance: [0x81, 0x00]
            case .endOfMibView: [0x82, 0x00]
            case .raw(let tag, let content): tlv(tag, content)
            }
        }
    }

    public static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag] + length(content.count) + content }

    public static func length(_ n: Int) -> [UInt8] {
        if n < 0x80 { return [UInt8(n)] }
        var bytes: [UInt8] = []
        var rest = n
        while rest > 0 { bytes.insert(UInt8(rest & 0xFF), at: 0); rest >>= 8 }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    /// Minimal two's-complement bytes.
    public static func signedBytes(_ v: Int64) -> [UInt8] {
        var bytes = withUnsafeBytes(of: v.bigEndian) { Array($0) }
        while bytes.count > 1, (bytes[0] == 0 && bytes[1] & 0x80 == 0) || (bytes[0] == 0xFF && bytes[1] & 0x80 != 0) {
            bytes.removeFirst()
        }
        return bytes
    }

    /// Minimal unsigned bytes, with a leading zero when the top bit is set.
    public static func unsignedBytes(_ v: UInt64) -> [UInt8] {
        var bytes = withUnsafeBytes(of: v.bigEndian) { Array($0) }
        while bytes.count > 1, bytes[0] == 0, bytes[1] & 0x80 == 0 { bytes.removeFirst() }
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return bytes
    }

    public static func oidBytes(_ o: [UInt]) -> [UInt8] {
        guard o.count >= 2 else { return [0] }
        var out: [UInt8] = [UInt8(truncatingIfNeeded: o[0] * 40 + o[1])]
        for sub in o.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(sub & 0x7F)]
            var rest = sub >> 7
            while rest > 0 { chunk.insert(UInt8(rest & 0x7F) | 0x80, at: 0); rest >>= 7 }
            out += chunk
        }
        return out
    }

    /// A v1/v2c message around a Response PDU.
    public static func response(version: Int64, community: [UInt8], requestID: Int64, errorStatus: Int64 = 0,
                                errorIndex: Int64 = 0, binds: [([UInt], Value)], pduTag: UInt8 = 0xA2) -> [UInt8] {
        let list = binds.flatMap { tlv(0x30, tlv(0x06, oidBytes($0.0)) + $0.1.encoded) }
        let pdu = tlv(pduTag, Value.integer(requestID).encoded + Value.integer(errorStatus).encoded
                      + Value.integer(errorIndex).encoded + tlv(0x30, list))
        return tlv(0x30, Value.integer(version).encoded + tlv(0x04, community) + pdu)
    }

    /// A v1/v2c request as the agent reads it.
    public struct Request: Sendable {
        public var version: Int64
        public var community: [UInt8]
        public var pduTag: UInt8
        public var requestID: Int64
        /// error-status, or non-repeaters in a GETBULK.
        public var field2: Int64
        /// error-index, or max-repetitions in a GETBULK.
        public var field3: Int64
        public var oids: [[UInt]]

        public var isGet: Bool { pduTag == 0xA0 }
        public var isGetNext: Bool { pduTag == 0xA1 }
        public var isGetBulk: Bool { pduTag == 0xA5 }
    }

    /// Reads a v1/v2c request; nil for anything else.
    public static func parseRequest(_ bytes: [UInt8]) -> Request? {
        var top = Reader(bytes[...])
        guard let message = top.next(), message.tag == 0x30 else { return nil }
        var fields = Reader(message.content)
        guard let version = fields.next(), version.tag == 0x02, let community = fields.next(), community.tag == 0x04,
              let pdu = fields.next() else { return nil }
        var header = Reader(pdu.content)
        guard let id = header.next(), let f2 = header.next(), let f3 = header.next(), let list = header.next() else { return nil }
        var binds = Reader(list.content)
        var oids: [[UInt]] = []
        while let bind = binds.next() {
            var parts = Reader(bind.content)
            guard let name = parts.next(), name.tag == 0x06 else { return nil }
            oids.append(decodeOID(Array(name.content)))
        }
        return Request(version: int(version.content), community: Array(community.content), pduTag: pdu.tag,
                       requestID: int(id.content), field2: int(f2.content), field3: int(f3.content), oids: oids)
    }

    static func int(_ bytes: ArraySlice<UInt8>) -> Int64 {
        guard let first = bytes.first else { return 0 }
        var v: Int64 = first & 0x80 != 0 ? -1 : 0
        for b in bytes.prefix(8) { v = (v << 8) | Int64(b) }
        return v
    }

    static func decodeOID(_ bytes: [UInt8]) -> [UInt] {
        guard let first = bytes.first else { return [] }
        var out: [UInt] = [UInt(first) / 40, UInt(first) % 40]
        var value: UInt = 0
        for b in bytes.dropFirst() {
            value = (value << 7) | UInt(b & 0x7F)
            if b & 0x80 == 0 { out.append(value); value = 0 }
        }
        return out
    }

    struct Reader {
        var rest: ArraySlice<UInt8>
        init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

        mutating func next() -> (tag: UInt8, content: ArraySlice<UInt8>)? {
            guard rest.count >= 2 else { return nil }
            let tag = rest[rest.startIndex]
            var i = rest.startIndex + 1
            var n = Int(rest[i])
            i += 1
            if n >= 0x80 {
                let count = n & 0x7F
                guard count <= 4, rest.endIndex - i >= count else { return nil }
                n = 0
                for _ in 0..<count { n = (n << 8) | Int(rest[i]); i += 1 }
            }
            guard rest.endIndex - i >= n else { return nil }
            let content = rest[i..<(i + n)]
            rest = rest[(i + n)...]
            return (tag, content)
        }
    }
}
