import KiemkeCore
/// Interprets raw SNMP data as `DeviceFacts`: decodes tables, applies RFC special values, classifies.
enum DeviceFactsBuilder {
    static func build(address: String, raw: RawDeviceData, openPorts: Set<UInt16> = [],
                      limits: ReadLimits = .standard) -> DeviceFacts {
        var facts = DeviceFacts(address: address, notes: raw.notes)
        facts.system = system(raw)
        facts.devices = devices(raw)
        facts.processorLoads = raw.rows(KnownOIDs.hrProcessorLoad).compactMap { $0.value.integer(in: 0...100).map(Int.init) }
        facts.storage = storage(raw)
        facts.supplies = supplies(raw)
        facts.pageCount = raw.rows(KnownOIDs.prtMarkerLifeCount).first?.value.integer(in: SNMPValue.unsigned32)
        facts.interfaces = interfaces(raw)
        if case .octets(let state)? = raw.rows(KnownOIDs.hrPrinterDetectedErrorState).first?.value {
            // RFC 3805 defines 2 octets of bits; a longer value is a broken or hostile agent, not more news.
            facts.conditions = PrinterErrorState.conditions(Array(state.prefix(PrinterErrorState.octets)))
            if state.count > PrinterErrorState.octets {
                facts.notes.append("hrPrinterDetectedErrorState has \(state.count) octets: only the \(PrinterErrorState.octets) RFC 3805 defines were read")
            }
        }
        if let status = raw.rows(KnownOIDs.hrPrinterStatus).first?.value.integer(in: SNMPValue.integer32) {
            facts.printerStatus = printerStatusNames[Int(status)] ?? "other"
        }

        let evidence = evidence(raw, facts: facts, openPorts: openPorts)
        facts.classification = Classifier.classify(evidence)
        facts.firmware = IdentityExtractor.firmware(evidence, vendor: facts.vendor)
        if facts.kind != .computer { facts.deviceStatus = evidence.primaryDevice?.status }
        (facts.serial, facts.serialSource) = serial(raw, evidence: evidence)
        facts.engineID = engineIDText(raw.engineID)
        return FactsSizeLimit.fit(facts, maxBytes: limits.maxFactsBytes)
    }

    /// An engine ID as lowercase hex, as discovery and the identity table write it; nil when none was learned.
    /// RFC 3411 allows 5-32 octets; anything longer from a hostile agent is not evidence.
    static func engineIDText(_ bytes: [UInt8]) -> String? {
        guard (5...32).contains(bytes.count) else { return nil }
        return bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// What the classifier looks at, from the raw columns and the facts already decoded.
    static func evidence(_ raw: RawDeviceData, facts: DeviceFacts, openPorts: Set<UInt16>) -> DeviceEvidence {
        func texts(_ column: OID) -> [String] {
            raw.rows(column).compactMap { $0.value.text?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return DeviceEvidence(
            sysDescr: facts.system.description, sysObjectID: facts.system.objectID, hostDevices: facts.devices,
            printerName: texts(KnownOIDs.prtGeneralPrinterName).first, printerSerial: texts(KnownOIDs.prtGeneralSerialNumber).first,
            supplyCount: facts.supplies.count, hasPageCounter: facts.pageCount != nil, inputTrays: inputTrays(raw),
            entityModels: texts(KnownOIDs.entPhysicalModelName), entityManufacturers: texts(KnownOIDs.entPhysicalMfgName),
            entityDescriptions: texts(KnownOIDs.entPhysicalDescr), vendorValues: raw.vendorValues, openPorts: openPorts)
    }

    private static func inputTrays(_ raw: RawDeviceData) -> [InputTray] {
        let units = raw.column(KnownOIDs.prtInputDimUnit)
        let feed = raw.column(KnownOIDs.prtInputMediaDimFeedDirDeclared)
        let cross = raw.column(KnownOIDs.prtInputMediaDimXFeedDirDeclared)
        let capacity = raw.column(KnownOIDs.prtInputMaxCapacity)
        let media = raw.column(KnownOIDs.prtInputMediaName)
        let names = raw.column(KnownOIDs.prtInputName)
        return raw.rowIndexes(units, feed, cross, capacity, media, names).map { index in
            InputTray(name: names[index]?.text, mediaName: media[index]?.text,
                      feedDimension: feed[index]?.intValue.map(Int.init), crossFeedDimension: cross[index]?.intValue.map(Int.init),
                      dimensionUnit: units[index]?.intValue.map(Int.init), maxCapacity: capacity[index]?.intValue.map(Int.init))
        }
    }

    static let printerStatusNames = [1: "other", 2: "unknown", 3: "idle", 4: "printing", 5: "warmup"]

    private static func system(_ raw: RawDeviceData) -> SystemGroup {
        func text(_ oid: OID) -> String? { raw.scalar(oid)?.text.flatMap { $0.isEmpty ? nil : $0 } }
        var uptime: UInt32?
        if case .timeTicks(let ticks) = raw.scalar(KnownOIDs.sysUpTime) { uptime = ticks }
        return SystemGroup(description: text(KnownOIDs.sysDescr), objectID: raw.scalar(KnownOIDs.sysObjectID)?.oidValue,
                           name: text(KnownOIDs.sysName), uptimeTicks: uptime, contact: text(KnownOIDs.sysContact),
                           location: text(KnownOIDs.sysLocation))
    }

    private static func devices(_ raw: RawDeviceData) -> [HostDevice] {
        let types = raw.column(KnownOIDs.hrDeviceType)
        let descriptions = raw.column(KnownOIDs.hrDeviceDescr)
        let statuses = raw.column(KnownOIDs.hrDeviceStatus)
        let indexes = raw.rowIndexes(types, descriptions)
        return indexes.map { index in
            HostDevice(index: index.first ?? 0, type: HostDevice.typeName(types[index]?.oidValue),
                       description: descriptions[index]?.text,
                       status: statuses[index]?.integer(in: SNMPValue.integer32).map { HostDevice.statusNames[Int($0)] ?? "unknown" })
        }
    }

    private static func storage(_ raw: RawDeviceData) -> [StorageArea] {
        let types = raw.column(KnownOIDs.hrStorageType)
        let descriptions = raw.column(KnownOIDs.hrStorageDescr)
        let units = raw.column(KnownOIDs.hrStorageUnits)
        let sizes = raw.column(KnownOIDs.hrStorageSize)
        let used = raw.column(KnownOIDs.hrStorageUsed)
        return raw.rowIndexes(descriptions, types).map { index in
            // The MIB says Integer32 for all three; sizes are taken up to 2^63 (Counter64 from agents that
            // outgrow it), and StorageArea multiplies them with overflow checked.
            StorageArea(description: descriptions[index]?.text, typeOID: types[index]?.oidValue,
                        units: units[index]?.integer(in: 1...Int64(Int32.max)),
                        size: sizes[index]?.integer(in: 0...Int64.max), used: used[index]?.integer(in: 0...Int64.max))
        }
    }

    private static func supplies(_ raw: RawDeviceData) -> [PrinterSupply] {
        let descriptions = raw.column(KnownOIDs.prtMarkerSuppliesDescription)
        let types = raw.column(KnownOIDs.prtMarkerSuppliesType)
        let maxima = raw.column(KnownOIDs.prtMarkerSuppliesMaxCapacity)
        let levels = raw.column(KnownOIDs.prtMarkerSuppliesLevel)
        let colorantIndexes = raw.column(KnownOIDs.prtMarkerSuppliesColorantIndex)
        let colorants = raw.column(KnownOIDs.prtMarkerColorantValue)
        let indexes = raw.rowIndexes(descriptions, types, levels)
        return indexes.map { index in
            // Supply index is (hrDeviceIndex, supply); the colorant row is (hrDeviceIndex, colorant index).
            var colorant: String?
            if let device = index.first, let colorIndex = colorantIndexes[index]?.integer(in: 1...65_535) {
                colorant = colorants[[device, UInt(colorIndex)]]?.text
            }
            // RFC 3805 ranges: level -3 (some remaining), -2 (unknown), -1 (other) or 0...; capacity -2, -1 or 0....
            return PrinterSupply(description: descriptions[index]?.text,
                                 typeCode: types[index]?.integer(in: SNMPValue.integer32).map(Int.init),
                                 colorant: colorant, level: levels[index]?.integer(in: -3...Int64(Int32.max)).map(Int.init),
                                 maxCapacity: maxima[index]?.integer(in: -2...Int64(Int32.max)).map(Int.init))
        }
    }

    private static func interfaces(_ raw: RawDeviceData) -> [NetworkInterface] {
        let descriptions = raw.column(KnownOIDs.ifDescr)
        let names = raw.column(KnownOIDs.ifName)
        let speeds = raw.column(KnownOIDs.ifSpeed)
        let highSpeeds = raw.column(KnownOIDs.ifHighSpeed)
        let macs = raw.column(KnownOIDs.ifPhysAddress)
        let statuses = raw.column(KnownOIDs.ifOperStatus)
        let indexes = raw.rowIndexes(descriptions, statuses)
        return indexes.map { index in
            var speed: Int64?
            if let high = highSpeeds[index]?.integer(in: SNMPValue.unsigned32), high > 0 {
                speed = high
            } else if let bits = speeds[index]?.integer(in: SNMPValue.unsigned32) {
                speed = bits / 1_000_000
            }
            let name = names[index]?.text.flatMap { $0.isEmpty ? nil : $0 } ?? descriptions[index]?.text
            return NetworkInterface(index: index.first ?? 0, name: name,
                                    operStatus: statuses[index]?.integer(in: SNMPValue.integer32).map { NetworkInterface.statusNames[Int($0)] ?? "unknown" },
                                    speedMbps: speed, mac: NetworkInterface.formatMAC(macs[index]?.bytes))
        }
    }

    /// Printer-MIB first, then ENTITY-MIB, then "SN:" in sysDescr, then a vendor MIB.
    private static func serial(_ raw: RawDeviceData, evidence: DeviceEvidence) -> (String?, String?) {
        if let serial = evidence.printerSerial { return (serial, "Printer-MIB prtGeneralSerialNumber") }
        if let serial = raw.rows(KnownOIDs.entPhysicalSerialNum).compactMap({ $0.value.text?.trimmingCharacters(in: .whitespaces) })
            .first(where: { !$0.isEmpty }) {
            return (serial, "ENTITY-MIB entPhysicalSerialNum")
        }
        if let sysDescr = evidence.sysDescr, let range = sysDescr.range(of: "SN:") {
            let serial = sysDescr[range.upperBound...].drop { $0 == " " }.prefix { $0 != "," && $0 != ";" && $0 != " " }
            if !serial.isEmpty { return (String(serial), "sysDescr SN:") }
        }
        for key in vendorSerials {
            if let serial = evidence.vendorValues[key]?.trimmingCharacters(in: .whitespaces), !serial.isEmpty {
                return (serial, "vendor MIB \(key)")
            }
        }
        return (nil, nil)
    }

    /// Vendor-MIB serial numbers, used after Printer-MIB, ENTITY-MIB and sysDescr's "SN:".
    static let vendorSerials = ["kyocera.serial", "brother.serial", "dell.serial", "compaq.serial"]
}
