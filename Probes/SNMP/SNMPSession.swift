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

    /// The round trip of the last request this session got an answer to (from its last transmission).
    public func lastRoundTrip() async -> Duration? {
        let id = self.id
        return await withCheckedContinuation { (continuation: CheckedContinuation<Duration?, Never>) in
            let accepted = loop.enqueue { loop in continuation.resume(returning: loop.lastRoundTrip(sessionID: id)) }
            if !accepted { continuation.resume(returning: nil) }
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
        let measured = Double(rtt.components.seconds) + Double(rtt.components.attoseconds) * 1e-18
        let short = min(settings.timeout, max(4 * measured, floor))
        guard short < settings.timeout else { return self }
        let budget = settings.worstCaseSeconds
        let retries = max(settings.retries, min(maxRetries, Int(budget / short) - 1))
        return paced(timeout: short, retries: retries)
    }

    /// GETs `oids`; missing ones come back as `noSuchObject`/`noSuchInstance` values.
    ///
    /// A tooBig answer splits the request in halves; an SNMPv1 noSuchName drops the named variable
    /// (reported as `noSuchObject`) and asks again for the rest.
    public func get(_ oids: [OID]) async throws(SNMPError) -> [VarBind] {
        guard !oids.isEmpty else { return [] }
        let response = try await send(SNMPRequest(operation: .get, oids: oids))
        switch response.errorStatus {
        case .noError:
            return response.varBinds
        case .tooBig where oids.count > 1:
            let half = oids.count / 2
            let first = try await get(Array(oids[..<half]))
            return first + (try await get(Array(oids[half...])))
        case .tooBig:
            throw .tooBig(address: address)
        case .noSuchName where (1...oids.count).contains(response.errorIndex):
            // SNMPv1 fails the whole PDU for one unknown name.
            var rest = oids
            let missing = rest.remove(at: response.errorIndex - 1)
            var answered = try await get(rest)
            answered.insert(VarBind(oid: missing, value: .noSuchObject), at: response.errorIndex - 1)
            return answered
        default:
            throw agentError(response)
        }
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
        return try result.get()
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
