import KiemkeCore
/// An open session to one agent, for several requests in a row (see `SNMPEngine.withSession`).
///
/// Requests on one session run one after another; use several sessions for parallel work.
public struct SNMPSession: Sendable {
    private let loop: SNMPEventLoop
    private let id: Int
    /// The agent's address as given.
    public let address: String
    /// The settings the session was opened with.
    public let settings: SNMPSettings
    /// Timeout and retries this copy's requests use instead of the settings' (see `paced`).
    private var pacing: SNMPRequest.Pacing?
    /// When this copy's requests must have ended, and the whole deadline's length for messages (see `limited`).
    private var deadline: (until: ContinuousClock.Instant, seconds: Double)?

    init(loop: SNMPEventLoop, id: Int, address: String, settings: SNMPSettings) {
        self.loop = loop
        self.id = id
        self.address = address
        self.settings = settings
    }

    /// A copy of this session whose requests wait `timeout` seconds per try and retry `retries` times,
    /// instead of the settings' values. Same agent, same socket, still one request at a time.
    public func paced(timeout: Double, retries: Int) -> SNMPSession {
        var copy = self
        copy.pacing = SNMPRequest.Pacing(timeout: max(0.001, timeout), retries: max(0, retries))
        return copy
    }

    /// A copy of this session whose requests all end by `until`: each is paced to fit the time left, and
    /// one asked after it fails at once with `deadlineExceeded` (`seconds` names the whole deadline).
    public func limited(until: ContinuousClock.Instant, seconds: Double) -> SNMPSession {
        var copy = self
        copy.deadline = (until, seconds)
        return copy
    }

    /// Timeout and retries shrunk so that `timeout × (retries + 1)` fits in `remaining` seconds.
    ///
    /// The tries are kept and each made shorter, since a retry is what saves a lost packet; only when a
    /// try would get less than `floor` (200 ms, or the timeout if shorter) are there fewer tries.
    static func fit(_ pacing: SNMPRequest.Pacing, within remaining: Double, floor: Double = 0.2) -> SNMPRequest.Pacing {
        // Double arithmetic: retries + 1 in Int would trap for Int.max.
        let tries = Double(max(0, pacing.retries)) + 1
        guard pacing.timeout * tries > remaining else { return pacing }
        let shortest = min(pacing.timeout, floor)
        guard remaining / tries < shortest else { return SNMPRequest.Pacing(timeout: remaining / tries, retries: pacing.retries) }
        // remaining / shortest is finite and below tries here, so the conversion cannot trap.
        let fewer = max(1, Int(remaining / shortest))
        return SNMPRequest.Pacing(timeout: remaining / Double(fewer), retries: fewer - 1)
    }

    /// The round trip of the last request this session got an answer to (from its last transmission).
    public func lastRoundTrip() async -> Duration? {
        let id = self.id
        return await withCheckedContinuation { (continuation: CheckedContinuation<Duration?, Never>) in
            let accepted = loop.enqueue { loop in continuation.resume(returning: loop.lastRoundTrip(sessionID: id)) }
            if !accepted { continuation.resume(returning: nil) }
        }
    }

    /// The agent's authoritative SNMPv3 engine ID, learned by the engine discovery that opened this session
    /// (no extra request); empty for v1/v2c. It names the agent whatever its address: identity evidence.
    public func engineID() async -> [UInt8] {
        let id = self.id
        return await withCheckedContinuation { (continuation: CheckedContinuation<[UInt8], Never>) in
            let accepted = loop.enqueue { loop in continuation.resume(returning: loop.engineID(sessionID: id)) }
            if !accepted { continuation.resume(returning: []) }
        }
    }

    /// Adaptive retransmission for a device that has answered: a copy paced to its measured round trip.
    ///
    /// Each try waits max(4 × round trip, `floor`), at most the configured timeout, and the retries are
    /// raised so the tries together wait about as long as the configured ones (at most `maxRetries`).
    /// A lost packet then costs a few round trips instead of a full configured timeout. Unchanged when
    /// nothing has been answered yet or the short timeout would not be shorter.
    public func adaptivelyPaced(floor: Double = 0.15, maxRetries: Int = 6) async -> SNMPSession {
        guard let rtt = await lastRoundTrip() else { return self }
        let measured = Self.seconds(rtt)
        let short = min(settings.timeout, max(4 * measured, floor))
        guard short < settings.timeout, short > 0.001 else { return self }
        let budget = settings.worstCaseSeconds
        let retries = max(settings.retries, min(maxRetries, Int(budget / short) - 1))
        return paced(timeout: short, retries: retries)
    }

    /// GETs `oids`: exactly one variable per OID asked, in the order asked. Missing ones, and ones the
    /// agent named in an error, come back as `noSuchObject`.
    ///
    /// The answer is matched to the request by OID, never by position, so an agent that answers fewer,
    /// more or other variables than asked cannot shift a value onto the wrong name. A tooBig answer
    /// splits the request in halves; an error naming one variable (SNMPv1's noSuchName, or a genErr or
    /// noAccess on one object) drops that variable and asks again for the rest, so one broken object
    /// does not cost the others.
    public func get(_ oids: [OID]) async throws(SNMPError) -> [VarBind] {
        guard !oids.isEmpty else { return [] }
        let response = try await send(SNMPRequest(operation: .get, oids: oids))
        switch response.errorStatus {
        case .noError:
            return Self.aligned(oids, response.varBinds)
        case .tooBig where oids.count > 1:
            let half = oids.count / 2
            let first = try await get(Array(oids[..<half]))
            return first + (try await get(Array(oids[half...])))
        case .tooBig:
            throw .tooBig(address: address)
        default:
            // errorIndex comes from the device: used only after checking it names one of the OIDs asked.
            guard let position = Self.position(errorIndex: response.errorIndex, count: oids.count) else {
                throw agentError(response)
            }
            var rest = oids
            rest.remove(at: position)
            // Each round drops one OID, so this ends after at most `oids.count` requests.
            return Self.aligned(oids, try await get(rest))
        }
    }

    /// One variable per OID in `asked`, in that order, taken from `binds` by OID (the first one wins);
    /// an OID the agent did not answer is `noSuchObject`.
    static func aligned(_ asked: [OID], _ binds: [VarBind]) -> [VarBind] {
        var values: [OID: SNMPValue] = [:]
        for bind in binds where values[bind.oid] == nil { values[bind.oid] = bind.value }
        return asked.map { VarBind(oid: $0, value: values[$0] ?? .noSuchObject) }
    }

    /// The array position an error-index names (1-based on the wire), or nil when it names none of
    /// `count` variables: 0, negative, past the end.
    static func position(errorIndex: Int, count: Int) -> Int? {
        guard errorIndex >= 1, errorIndex <= count else { return nil }
        return errorIndex - 1
    }

    /// GETNEXTs `oids` in one request.
    public func getNext(_ oids: [OID]) async throws(SNMPError) -> [VarBind] {
        let response = try await send(SNMPRequest(operation: .getNext, oids: oids))
        if response.errorStatus == .noSuchName, settings.version == .v1 {
            // SNMPv1's end of the MIB.
            return oids.map { VarBind(oid: $0, value: .endOfMibView) }
        }
        guard response.errorStatus == .noError else { throw agentError(response) }
        return response.varBinds
    }

    /// One GETBULK (v2c/v3 only).
    public func getBulk(_ oids: [OID], nonRepeaters: Int = 0, maxRepetitions: Int) async throws(SNMPError) -> [VarBind] {
        guard settings.version != .v1 else {
            throw .invalidSettings("GETBULK does not exist in SNMPv1; use getNext or walk")
        }
        let request = SNMPRequest(operation: .getBulk(nonRepeaters: nonRepeaters, maxRepetitions: maxRepetitions), oids: oids)
        let response = try await send(request)
        guard response.errorStatus == .noError else { throw agentError(response) }
        return response.varBinds
    }

    /// Sends one request and waits for its response (or its failure after the retries).
    func send(_ request: SNMPRequest) async throws(SNMPError) -> SNMPResponse {
        var paced = request
        if let pacing { paced.pacing = pacing }
        if let deadline {
            let remaining = Self.seconds(deadline.until - .now)
            // Less than a millisecond left cannot hold a round trip.
            guard remaining > 0.001 else { throw .deadlineExceeded(address: address, seconds: deadline.seconds) }
            let asked = paced.pacing ?? SNMPRequest.Pacing(timeout: settings.timeout, retries: settings.retries)
            paced.pacing = Self.fit(asked, within: remaining)
        }
        let request = paced
        let settings = self.settings
        let address = self.address
        let id = self.id
        let result: Result<SNMPResponse, SNMPError> = await withCheckedContinuation { continuation in
            let accepted = loop.enqueue { loop in
                loop.sendNow(sessionID: id, request: request) { result in
                    continuation.resume(returning: result.flatMap { response in
                        // A Report instead of a Response: the agent refused us (wrong digest, unknown user...).
                        guard response.isReport else { return .success(response) }
                        return .failure(SNMPError.fromNetSNMP(code: response.reportCode, address: address,
                                                              settings: settings, message: "the agent sent a Report"))
                    })
                }
            }
            if !accepted { continuation.resume(returning: .failure(.engineStopped)) }
        }
        if case .failure(.timeout) = result, let deadline, ContinuousClock.now + .milliseconds(20) >= deadline.until {
            // The request was cut short to fit the deadline: the deadline is what stopped it.
            throw .deadlineExceeded(address: address, seconds: deadline.seconds)
        }
        return try result.get()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Closes the session on the loop thread.
    func close() async {
        let id = self.id
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let accepted = loop.enqueue { loop in
                loop.closeSession(id)
                continuation.resume()
            }
            if !accepted { continuation.resume() }
        }
    }

    func agentError(_ response: SNMPResponse) -> SNMPError {
        .agentError(address: address, status: response.errorStatus.code, index: response.errorIndex,
                    name: response.errorStatus.name)
    }
}
