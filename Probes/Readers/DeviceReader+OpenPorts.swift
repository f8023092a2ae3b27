import KiemkeCore

extension DeviceReader {
    /// Reads many devices concurrently, each with the TCP ports found open on it as evidence for its
    /// classification (RTSP 554, printing 9100, file sharing 445); results in the order of `targets`.
    public func readAll(_ targets: [(address: String, settings: SNMPSettings, openPorts: Set<UInt16>)]) async -> [Result<DeviceFacts, SNMPError>] {
        let limits = self.limits
        let raw = await readAllRaw(targets.map { ($0.address, $0.settings) })
        return raw.enumerated().map { index, result in
            result.map { DeviceFactsBuilder.build(address: targets[index].address, raw: $0, openPorts: targets[index].openPorts, limits: limits) }
        }
    }
}
