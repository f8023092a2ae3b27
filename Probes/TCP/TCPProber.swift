import KiemkeCore
/// Connects to devices' TCP ports to tell whether they are there (Windows PCs drop ping).
///
/// All connects are non-blocking and driven by one `poll(2)` loop on its own thread, with at
/// most `maxConcurrentConnections` sockets open at once.
public struct TCPProber: Sendable {
    /// Sockets in flight at once; bounded so a /22 does not exhaust descriptors.
    public var maxConcurrentConnections: Int

    /// A prober with at most `maxConcurrentConnections` connects in flight.
    public init(maxConcurrentConnections: Int = 256) {
        self.maxConcurrentConnections = max(1, maxConcurrentConnections)
    }

    /// Tries each target's ports (in parallel) and returns one result per target.
    ///
    /// A target is settled as soon as a port accepts; otherwise when all its ports have
    /// refused, failed or reached `timeout`.
    public func probe(_ targets: [(IPAddress, [UInt16])], timeout: Duration) async -> [IPAddress: TCPResult] {
        guard !targets.isEmpty else { return [:] }
        let plan = targets.map { TCPSweep.Target(address: $0.0, ports: $0.1) }
        let limit = maxConcurrentConnections
        return await DedicatedThread.run(name: "kiemke-tcp") {
            var sweep = TCPSweep(targets: plan, timeout: timeout, maxConcurrent: limit)
            return sweep.run()
        }
    }
}
