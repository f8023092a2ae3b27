import Foundation
import KiemkeCore

/// SNMP facts as the store keeps them in `observation.facts` and `deviceState.lastFacts` (JSON).
///
/// Its field names are the store's, written out here, not derived from Probes' `DeviceFacts`:
/// renaming a field there cannot make old rows decode as "no facts". Version 1 is the JSON that
/// kiemke wrote before this type existed (it had no `version` key); a future format raises
/// `version` and decodes the older ones too.
struct StoredFacts: Codable, Sendable, Equatable {
    /// The format this binary writes.
    static let currentVersion = 1

    var version: Int
    var address: String
    var kind: String
    var vendor: String?
    var model: String?
    var confidence: Double
    var reason: String
    var system: System
    var serial: String?
    var serialSource: String?
    var firmware: String?
    var deviceStatus: String?
    var printerStatus: String?
    var conditions: [String]
    var supplies: [Supply]
    var pageCount: Int64?
    var storage: [Storage]
    var processorLoads: [Int]
    var interfaces: [Interface]
    var devices: [HostResource]
    var notes: [String]

    /// The SNMP system group.
    struct System: Codable, Sendable, Equatable {
        var description: String?
        var objectID: String?
        var name: String?
        var uptimeTicks: UInt32?
        var contact: String?
        var location: String?

        enum CodingKeys: String, CodingKey {
            case description = "sys_descr", objectID = "sys_object_id", name = "sys_name"
            case uptimeTicks = "sys_uptime_ticks", contact = "sys_contact", location = "sys_location"
        }
    }

    /// One printer supply (toner, drum...).
    struct Supply: Codable, Sendable, Equatable {
        var name: String
        var type: String
        var color: String?
        var levelPct: Int?
        var levelState: String?
        var level: Int?
        var maxCapacity: Int?

        enum CodingKeys: String, CodingKey {
            case name, type, color, levelPct = "level_pct", levelState = "level_state", level, maxCapacity = "max_capacity"
        }
    }

    /// One storage area (disk, RAM, flash).
    struct Storage: Codable, Sendable, Equatable {
        var name: String
        var type: String
        var isDisk: Bool
        var sizeBytes: Int64?
        var usedBytes: Int64?
        var usedPct: Double?

        enum CodingKeys: String, CodingKey {
            case name, type, isDisk = "is_disk", sizeBytes = "size_bytes", usedBytes = "used_bytes", usedPct = "used_pct"
        }
    }

    /// One network interface.
    struct Interface: Codable, Sendable, Equatable {
        var index: UInt
        var name: String?
        var operStatus: String?
        var speedMbps: Int64?
        var mac: String?

        enum CodingKeys: String, CodingKey {
            case index, name, operStatus = "oper_status", speedMbps = "speed_mbps", mac
        }
    }

    /// One row of the host resources device table.
    struct HostResource: Codable, Sendable, Equatable {
        var index: UInt
        var type: String
        var description: String?
        var status: String?
    }

    enum CodingKeys: String, CodingKey {
        case version, address, kind, vendor, model, confidence, reason, system, serial, serialSource = "serial_source"
        case firmware, deviceStatus = "device_status", printerStatus = "printer_status", conditions, supplies
        case pageCount = "page_count", storage, processorLoads = "processor_loads", interfaces, devices, notes
    }

    /// Why stored facts cannot be read.
    enum DecodingProblem: Error, CustomStringConvertible {
        case newerVersion(Int)
        case unknownKind(String)
        case badObjectID(String)

        var description: String {
            switch self {
            case .newerVersion(let version):
                "facts format version \(version) was written by a newer kiemke (this one reads up to \(StoredFacts.currentVersion))"
            case .unknownKind(let kind): "unknown device kind \"\(kind)\""
            case .badObjectID(let text): "\"\(text)\" is not a dotted OID"
            }
        }
    }

    /// The JSON text kept in the database.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Decodes the JSON text kept in the database.
    static func decode(json: String) throws -> StoredFacts {
        try JSONDecoder().decode(StoredFacts.self, from: Data(json.utf8))
    }
}

extension StoredFacts {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Rows written before the format was versioned have no `version`: they are version 1.
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        guard version <= Self.currentVersion else { throw DecodingProblem.newerVersion(version) }
        address = try c.decode(String.self, forKey: .address)
        kind = try c.decode(String.self, forKey: .kind)
        vendor = try c.decodeIfPresent(String.self, forKey: .vendor)
        model = try c.decodeIfPresent(String.self, forKey: .model)
        confidence = try c.decode(Double.self, forKey: .confidence)
        reason = try c.decode(String.self, forKey: .reason)
        system = try c.decode(System.self, forKey: .system)
        serial = try c.decodeIfPresent(String.self, forKey: .serial)
        serialSource = try c.decodeIfPresent(String.self, forKey: .serialSource)
        firmware = try c.decodeIfPresent(String.self, forKey: .firmware)
        deviceStatus = try c.decodeIfPresent(String.self, forKey: .deviceStatus)
        printerStatus = try c.decodeIfPresent(String.self, forKey: .printerStatus)
        conditions = try c.decode([String].self, forKey: .conditions)
        supplies = try c.decode([Supply].self, forKey: .supplies)
        pageCount = try c.decodeIfPresent(Int64.self, forKey: .pageCount)
        storage = try c.decode([Storage].self, forKey: .storage)
        processorLoads = try c.decode([Int].self, forKey: .processorLoads)
        interfaces = try c.decode([Interface].self, forKey: .interfaces)
        devices = try c.decode([HostResource].self, forKey: .devices)
        notes = try c.decode([String].self, forKey: .notes)
    }
}
