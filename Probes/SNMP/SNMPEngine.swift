import KiemkeCore
/// Polls many devices at once over net-snmp, with one event-loop thread for all of them.
///
/// Each operation opens a session, which takes one of `concurrency` slots until it closes: 1,000 devices
/// with a fifth dead take about one timeout (times retries) per `concurrency` dead devices, not one per device.
///
/// The bound on descriptors: at most `concurrency` sessions (one UDP socket each) are open at once, plus
/// the loop's wake-up pipe. A dead device holds its slot for the whole timeout × tries, so a bound below
/// the number of devices lets dead ones delay live ones; the default (1,024) covers an office of up to
/// about a thousand devices in one wave.
public final class SNMPEngine: Sendable {
    /// Sessions open at once unless told otherwise.
    public static let defaultConcurrency = 1_024

    private let loop: SNMPEventLoop
    private let slots: AsyncSemaphore
    /// How many sessions may be open at once: the `concurrency` asked for, or less when the process's
    /// open-file limit cannot hold that many (`ResourceLimits.sessionBound`).
    public let concurrency: Int

    /// Starts the engine's event-loop thread; `concurrency` bounds open sessions (and sockets). The first
    /// engine of a process raises the soft open-file limit towards the hard one (`ResourceLimits`).
    public init(concurrency: Int = SNMPEngine.defaultConcurrency) throws(SNMPError) {
        guard concurrency > 0 else { throw .invalidSettings("concurrency must be at least 1") }
        self.concurrency = ResourceLimits.sessionBound(requested: concurrency)
        loop = try SNMPEventLoop()
        slots = AsyncSemaphore(self.concurrency)
    }

    deinit { loop.stop() }

    /// Stops the engine: requests in flight fail with `engineStopped`, sessions are closed, and the loop
    /// thread has exited when this returns. Later requests fail with `engineStopped`.
    public func shutdown() async {
        loop.stop()
        while !loop.hasFinished { try? await Task.sleep(for: .milliseconds(5)) }
    }

    /// GETs `oids` in one request (split automatically if the agent says tooBig).
    public func get(_ oids: [OID], from address: String, settings: SNMPSettings) async throws(SNMPError) -> [VarBind] {
        try await withSession(to: address, settings: settings) { session throws(SNMPError) in
            try await session.get(oids)
        }
    }

    /// GETNEXTs `oids` in one request.
    public func getNext(_ oids: [OID], from address: String, settings: SNMPSettings) async throws(SNMPError) -> [VarBind] {
        try await withSession(to: address, settings: settings) { session throws(SNMPError) in
            try await session.getNext(oids)
        }
    }

    /// Walks the subtree under `root`: GETBULK for v2c/v3, GETNEXT for v1.
    public func walk(_ root: OID, from address: String, settings: SNMPSettings) async throws(SNMPError) -> [VarBind] {
        try await withSession(to: address, settings: settings) { session throws(SNMPError) in
            try await session.walk(root)
        }
    }

    /// Opens one session to `address`, runs `body` with it (several requests, one engine discovery for v3),
    /// and closes it whether `body` succeeds or fails.
    ///
    /// With a `deadline`, everything from the moment the session has its slot ends within it: the v3
    /// discovery is paced to fit, and so is every request of `body`; one asked after it fails with
    /// `deadlineExceeded`. A slow device then holds its read, and the batch it is in, no longer than that.
    public func withSession<T: Sendable>(
        to address: String, settings: SNMPSettings, deadline: Duration? = nil,
        _ body: (SNMPSession) async throws(SNMPError) -> T
    ) async throws(SNMPError) -> T {
        await slots.acquire()
        var settings = settings
        var limit: (until: ContinuousClock.Instant, seconds: Double)?
        if let deadline, deadline > .zero {
            let seconds = SNMPSession.seconds(deadline)
            limit = (ContinuousClock.now + deadline, seconds)
            if settings.timeout.isFinite, settings.timeout > 0 {
                let fitted = SNMPSession.fit(SNMPRequest.Pacing(timeout: settings.timeout, retries: settings.retries),
                                             within: seconds)
                settings.timeout = fitted.timeout
                settings.retries = fitted.retries
            }
        }
        let opened = await open(address: address, settings: settings)
        var session: SNMPSession
        switch opened {
        case .success(let id):
            session = SNMPSession(loop: loop, id: id, address: address, settings: settings)
            if let limit { session = session.limited(until: limit.until, seconds: limit.seconds) }
        case .failure(let error):
            await slots.release()
            throw error
        }
        let result: Result<T, SNMPError>
        do throws(SNMPError) {
            result = .success(try await body(session))
        } catch {
            result = .failure(error)
        }
        await session.close()
        await slots.release()
        return try result.get()
    }

    /// How many sessions are open right now (tests use it to prove sessions are closed).
    public func openSessionCount() async -> Int {
        await withCheckedContinuation { continuation in
            let accepted = loop.enqueue { loop in loop.openSessionCount { continuation.resume(returning: $0) } }
            if !accepted { continuation.resume(returning: 0) }
        }
    }

    private func open(address: String, settings: SNMPSettings) async -> Result<Int, SNMPError> {
        await withCheckedContinuation { continuation in
            let accepted = loop.enqueue { loop in
                loop.openNow(address: address, settings: settings) { continuation.resume(returning: $0) }
            }
            if !accepted { continuation.resume(returning: .failure(.engineStopped)) }
        }
    }
}
