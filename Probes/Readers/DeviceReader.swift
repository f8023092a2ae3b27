import KiemkeCore
/// Reads the facts of devices over one shared engine: a few round trips per device, many devices at once.
public struct DeviceReader: Sendable {
    public let engine: SNMPEngine

    /// A reader over `engine` (whose concurrency bounds how many devices are read at once).
    public init(engine: SNMPEngine) { self.engine = engine }

    /// Reads one device: one GET of the system group, one of vendor scalars, then side-by-side bulk walks of
    /// HOST-RESOURCES, Printer-MIB and IF-MIB columns. Fails only when the device does not answer the first GET;
    /// later failures keep what was read and are listed in `notes`.
    public func read(_ address: String, settings: SNMPSettings) async -> Result<DeviceFacts, SNMPError> {
        await readRaw(address, settings: settings).map { DeviceFactsBuilder.build(address: address, raw: $0) }
    }

    /// What a device answered, before interpretation (the prober adds its open TCP ports to the evidence).
    func readRaw(_ address: String, settings: SNMPSettings) async -> Result<RawDeviceData, SNMPError> {
        do throws(SNMPError) {
            return .success(try await engine.withSession(to: address, settings: settings) { session throws(SNMPError) in
                try await Self.collect(session)
            })
        } catch {
            return .failure(error)
        }
    }

    /// `readRaw` for many devices concurrently; results in the order of `targets`.
    func readAllRaw(_ targets: [(address: String, settings: SNMPSettings)]) async -> [Result<RawDeviceData, SNMPError>] {
        await withTaskGroup(of: (Int, Result<RawDeviceData, SNMPError>).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask { (index, await readRaw(target.address, settings: target.settings)) }
            }
            var results = [Result<RawDeviceData, SNMPError>?](repeating: nil, count: targets.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
    }

    /// Reads many devices concurrently; results in the order of `targets`.
    public func readAll(_ targets: [(address: String, settings: SNMPSettings)]) async -> [Result<DeviceFacts, SNMPError>] {
        await readAllRaw(targets).enumerated().map { index, result in
            result.map { DeviceFactsBuilder.build(address: targets[index].address, raw: $0) }
        }
    }

    private static func collect(_ session: SNMPSession) async throws(SNMPError) -> RawDeviceData {
        var raw = RawDeviceData()
        for bind in try await session.get(KnownOIDs.system) { raw.scalars[bind.oid] = bind.value }
        // The device has answered: later requests retry after a few of its round trips, not the full
        // configured timeout, so a lost packet costs ~0.2 s instead of 1 s (a read is ~6 requests in a row).
        let session = await session.adaptivelyPaced()
        let enterprise = SystemGroup(objectID: raw.scalars[KnownOIDs.sysObjectID]?.oidValue).enterprise
        let vendorScalars = KnownOIDs.vendorScalars(for: enterprise)
        if !vendorScalars.isEmpty {
            do throws(SNMPError) {
                let binds = try await session.get(vendorScalars.map(\.oid))
                for (entry, bind) in zip(vendorScalars, binds) where !bind.value.isException {
                    if let text = bind.value.text, !text.isEmpty { raw.vendorValues[entry.key] = text }
                }
            } catch {
                raw.notes.append("vendor MIB not read: \(error)")
            }
        }
        for (name, columns) in [("HOST-RESOURCES-MIB", KnownOIDs.hostResources), ("Printer-MIB", KnownOIDs.printer),
                                ("IF-MIB", KnownOIDs.interfaces)] {
            let walked = await session.walkColumns(columns)
            raw.columns.merge(walked.columns) { $1 }
            if let failure = walked.failure { raw.notes.append("\(name) walk incomplete: \(failure)") }
        }
        return raw
    }
}
