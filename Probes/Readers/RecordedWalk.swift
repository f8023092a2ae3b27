import Foundation
import KiemkeCore

/// A device's answers recorded as a walk (snmpsim's `.snmprec` text: `OID|TYPE|VALUE` a line, `4x` for hex),
/// interpreted exactly as `DeviceReader` interprets a live read — for benchmarks and offline checks.
public enum RecordedWalk {
    /// The variable bindings of `.snmprec` text; lines that do not parse are skipped.
    public static func parse(snmprec text: String) -> [VarBind] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let oid = OID(parsing: String(parts[0])) else { return nil }
            var tag = String(parts[1])
            let hex = tag.hasSuffix("x")
            if hex { tag.removeLast() }
            let raw = String(parts[2])
            let bytes: [UInt8] = hex ? Self.bytes(hex: raw) : Array(raw.utf8)
            let value: SNMPValue? = switch tag {
            case "2": Int64(raw).map(SNMPValue.integer)
            case "4": .octets(bytes)
            case "6": OID(parsing: raw.hasPrefix(".") ? String(raw.dropFirst()) : raw).map(SNMPValue.oid)
            case "64": .ipAddress(bytes)
            case "65": UInt32(raw).map(SNMPValue.counter32)
            case "66": UInt32(raw).map(SNMPValue.gauge32)
            case "67": UInt32(raw).map(SNMPValue.timeTicks)
            case "70": UInt64(raw).map(SNMPValue.counter64)
            default: nil
            }
            return value.map { VarBind(oid: oid, value: $0) }
        }
    }

    /// What the reader would make of these answers: the facts, and the evidence the classifier weighed.
    public static func interpret(address: String, binds: [VarBind]) -> (facts: DeviceFacts, evidence: DeviceEvidence) {
        var raw = RawDeviceData()
        let byOID = Dictionary(binds.map { ($0.oid, $0.value) }, uniquingKeysWith: { first, _ in first })
        for oid in KnownOIDs.system { if let value = byOID[oid] { raw.scalars[oid] = value } }
        let enterprise = SystemGroup(objectID: raw.scalars[KnownOIDs.sysObjectID]?.oidValue).enterprise
        for entry in KnownOIDs.vendorScalars(for: enterprise) {
            if let text = byOID[entry.oid]?.text, !text.isEmpty { raw.vendorValues[entry.key] = text }
        }
        for column in KnownOIDs.hostResources + KnownOIDs.printer + KnownOIDs.interfaces {
            let rows = binds.filter { $0.oid.isDescendant(of: column) }
            if !rows.isEmpty { raw.columns[column] = rows }
        }
        let facts = DeviceFactsBuilder.build(address: address, raw: raw)
        return (facts, DeviceFactsBuilder.evidence(raw, facts: facts, openPorts: []))
    }

    private static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var iterator = hex.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let byte = UInt8(String([high, low]), radix: 16) else { break }
            result.append(byte)
        }
        return result
    }
}
