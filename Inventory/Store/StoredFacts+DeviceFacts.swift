import Foundation
import KiemkeCore

extension StoredFacts {
    /// The stored form of what the readers found, in the current version.
    init(_ facts: DeviceFacts) {
        let s = facts.system
        self.init(
            version: Self.currentVersion, address: facts.address, kind: facts.classification.kind.rawValue,
            vendor: facts.classification.vendor, model: facts.classification.model,
            confidence: facts.classification.confidence, reason: facts.classification.reason,
            system: System(description: s.description, objectID: s.objectID?.description, name: s.name,
                           uptimeTicks: s.uptimeTicks, contact: s.contact, location: s.location),
            serial: facts.serial, serialSource: facts.serialSource, firmware: facts.firmware,
            deviceStatus: facts.deviceStatus, printerStatus: facts.printerStatus, conditions: facts.conditions,
            supplies: facts.supplies.map {
                Supply(name: $0.name, type: $0.type, color: $0.color, levelPct: $0.levelPct, levelState: $0.levelState,
                       level: $0.level, maxCapacity: $0.maxCapacity)
            },
            pageCount: facts.pageCount,
            storage: facts.storage.map {
                Storage(name: $0.name, type: $0.type, isDisk: $0.isDisk, sizeBytes: $0.sizeBytes,
                        usedBytes: $0.usedBytes, usedPct: $0.usedPct)
            },
            processorLoads: facts.processorLoads,
            interfaces: facts.interfaces.map {
                Interface(index: $0.index, name: $0.name, operStatus: $0.operStatus, speedMbps: $0.speedMbps, mac: $0.mac)
            },
            devices: facts.devices.map { HostResource(index: $0.index, type: $0.type, description: $0.description, status: $0.status) },
            notes: facts.notes)
    }

    /// The facts as Probes' readers describe them.
    ///
    /// - Throws: `DecodingProblem` when a stored value has no meaning any more (a kind this binary
    ///   does not know, a malformed OID).
    func deviceFacts() throws -> DeviceFacts {
        guard let kind = DeviceKind(rawValue: kind) else { throw DecodingProblem.unknownKind(self.kind) }
        var objectID: OID? = nil
        if let text = system.objectID {
            guard let parsed = OID(parsing: text) else { throw DecodingProblem.badObjectID(text) }
            objectID = parsed
        }
        return DeviceFacts(
            address: address,
            classification: Classification(kind: kind, vendor: vendor, model: model, confidence: confidence, reason: reason),
            system: SystemGroup(description: system.description, objectID: objectID, name: system.name,
                                uptimeTicks: system.uptimeTicks, contact: system.contact, location: system.location),
            serial: serial, serialSource: serialSource, firmware: firmware, deviceStatus: deviceStatus,
            printerStatus: printerStatus, conditions: conditions,
            supplies: supplies.map {
                PrinterSupply(name: $0.name, type: $0.type, color: $0.color, levelPct: $0.levelPct,
                              levelState: $0.levelState, level: $0.level, maxCapacity: $0.maxCapacity)
            },
            pageCount: pageCount,
            storage: storage.map {
                StorageArea(name: $0.name, type: $0.type, isDisk: $0.isDisk, sizeBytes: $0.sizeBytes,
                            usedBytes: $0.usedBytes, usedPct: $0.usedPct)
            },
            processorLoads: processorLoads,
            interfaces: interfaces.map {
                NetworkInterface(index: $0.index, name: $0.name, operStatus: $0.operStatus, speedMbps: $0.speedMbps, mac: $0.mac)
            },
            devices: devices.map { HostDevice(index: $0.index, type: $0.type, description: $0.description, status: $0.status) },
            notes: notes)
    }
}

extension StoredFacts {
    /// The facts kept as `json` for device `deviceId`: nil when there are none, and nil with a
    /// warning (once per process) when they cannot be read.
    static func deviceFacts(json: String?, deviceId: Int64, log: UndecodableFactsLog = .shared) -> DeviceFacts? {
        guard let json else { return nil }
        do {
            return try decode(json: json).deviceFacts()
        } catch {
            log.report(deviceId: deviceId, json: json, error: error)
            return nil
        }
    }

    /// The JSON to keep for `facts`, or nil when there are none.
    static func json(_ facts: DeviceFacts?) throws -> String? {
        try facts.map { try StoredFacts($0).json() }
    }
}
