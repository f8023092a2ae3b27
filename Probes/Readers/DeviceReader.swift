import KiemkeCore
/// Reads the facts of devices over one shared engine: a few round trips per device, many devices at once.
public struct DeviceReader: Sendable {
    public let engine: SNMPEngine
    /// The deadline and caps every read keeps to.
    public let limits: ReadLimits

    /// A reader over `engine` (whose concurrency bounds how many devices are read at once).
    public init(engine: SNMPEngine, limits: ReadLimits = .standard) {
        self.engine = engine
        self.limits = limits
    }

    /// Reads one device: one GET of the system group, one of vendor scalars, then side-by-side bulk walks of
    /// HOST-RESOURCES, Printer-MIB and IF-MIB columns. Fails only when the device does not answer the first GET;
    /// later failures keep what was read and are listed in `notes`, as are the limits a read ran into (the
    /// deadline, rows per table, bytes per string, bytes of facts): such a read is partial.
    public func read(_ address: String, settings: SNMPSettings) async -> Result<DeviceFacts, SNMPError> {
        let limits = self.limits
        return await readRaw(address, settings: settings).map { DeviceFactsBuilder.build(address: address, raw: $0, limits: limits) }
    }

    /// What a device answered, before interpretation (the prober adds its open TCP ports to the evidence),
    /// within the read deadline and caps.
    func readRaw(_ address: String, settings: SNMPSettings) async -> Result<RawDeviceData, SNMPError> {
        let limits = self.limits
        do throws(SNMPError) {
            return .success(try await engine.withSession(to: address, settings: settings, deadline: limits.deadline) {
                session throws(SNMPError) in
                try await Self.collect(session, limits: limits)
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
        let limits = self.limits
        return await readAllRaw(targets).enumerated().map { index, result in
            result.map { DeviceFactsBuilder.build(address: targets[index].address, raw: $0, limits: limits) }
        }
    }

    private static func collect(_ session: SNMPSession, limits: ReadLimits) async throws(SNMPError) -> RawDeviceData {
        var raw = RawDeviceData()
        var cutValues = 0
        for bind in try await session.get(KnownOIDs.system) {
            let (value, wasCut) = bind.value.cut(to: limits.maxStringBytes)
            if wasCut { cutValues += 1 }
            raw.scalars[bind.oid] = value
        }
        if session.settings.version == .v3 { raw.engineID = await session.engineID() }
        // The device has answered: later requests retry after a few of its round trips, not the full
        // configured timeout, so a lost packet costs ~0.2 s instead of 1 s (a read is ~6 requests in a row).
        let session = await session.adaptivelyPaced()
        let enterprise = SystemGroup(objectID: raw.scalars[KnownOIDs.sysObjectID]?.oidValue).enterprise
        let vendorScalars = KnownOIDs.vendorScalars(for: enterprise)
        var deadlineReached = false
        if !vendorScalars.isEmpty {
            do throws(SNMPError) {
                // `get` answers one variable per OID asked, in order: zip pairs each key with its own OID.
                let binds = try await session.get(vendorScalars.map(\.oid))
                for (entry, bind) in zip(vendorScalars, binds) where !bind.value.isException && bind.oid == entry.oid {
                    let (value, wasCut) = bind.value.cut(to: limits.maxStringBytes)
                    if wasCut { cutValues += 1 }
                    if let text = value.text, !text.isEmpty { raw.vendorValues[entry.key] = text }
                }
            } catch {
                if case .deadlineExceeded = error { deadlineReached = true }
                raw.notes.append("vendor MIB not read: \(error)")
            }
        }
        for (name, columns) in [("HOST-RESOURCES-MIB", KnownOIDs.hostResources), ("Printer-MIB", KnownOIDs.printer),
                                ("IF-MIB", KnownOIDs.interfaces)] {
            if deadlineReached {
                raw.notes.append("\(name) not read: the read deadline was reached before it")
                continue
            }
            let walked = await session.walkColumns(columns, limits: limits.walk)
            raw.columns.merge(walked.columns) { $1 }
            if let failure = walked.failure {
                if case .deadlineExceeded = failure { deadlineReached = true }
                raw.notes.append("\(name) walk incomplete: \(failure)")
            }
            for column in walked.cutColumns {
                raw.notes.append("\(name) column \(column) cut at \(limits.maxRowsPerTable) rows (read limit)")
            }
            if walked.reachedByteLimit {
                raw.notes.append("\(name) walk stopped after \(limits.maxWalkBytes / 1_048_576) MB of answers (read limit)")
            }
            cutValues += walked.cutValues
        }
        if cutValues > 0 {
            raw.notes.append("\(cutValues) value\(cutValues == 1 ? "" : "s") longer than \(limits.maxStringBytes) bytes cut (read limit)")
        }
        return raw
    }
}
