import CNetSNMP
import Foundation
import Synchronization

/// The one thread that owns every net-snmp session of an engine and drives them with `select`.
///
/// net-snmp's single-session API is safe to call from any thread as long as one session is never used
/// from two threads at once, and USM's user list is global: so every call into net-snmp happens on this
/// thread. Other threads only append closures to `inbox` (under a mutex) and write a byte to a pipe to
/// wake the loop; results go back through continuations, each resumed exactly once.
final class SNMPEventLoop: @unchecked Sendable {
    // @unchecked: `sessions`, `deferred`, `nextSessionID` and `running` are only read or written on the
    // loop thread (inside `run` and the closures it executes); `inbox` is guarded by a Mutex; the pipe
    // descriptors are immutable after init and `write`/`read` on them are thread-safe system calls.
    typealias Job = @Sendable (SNMPEventLoop) -> Void

    private let inbox = Mutex<(jobs: [Job], accepting: Bool)>(([], true))
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var sessions: [Int: LoopSession] = [:]
    private var deferred: [() -> Void] = []
    private var nextSessionID = 1
    private var running = true
    private let finished = Mutex<Bool>(false)

    init() throws(SNMPError) {
        NetSNMPLibrary.start()
        var fds: [Int32] = [0, 0]
        do throws(SystemCallError) {
            try SystemCall.run("pipe") { pipe(&fds) }
        } catch {
            throw .library(address: "-", code: Int(error.code), message: "cannot create the engine's wake-up pipe")
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        _ = fcntl(wakeRead, F_SETFL, fcntl(wakeRead, F_GETFL) | O_NONBLOCK)
        _ = fcntl(wakeWrite, F_SETFL, fcntl(wakeWrite, F_GETFL) | O_NONBLOCK)
        let thread = Thread { [self] in self.run() }
        thread.name = "kiemke-snmp"
        thread.start()
    }

    /// Queues `job` for the loop thread; false when the loop is stopping.
    @discardableResult
    func enqueue(_ job: @escaping Job) -> Bool {
        let accepted = inbox.withLock { state in
            guard state.accepting else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted { wake() }
        return accepted
    }

    /// Stops accepting work; open sessions are closed and their waiters told `engineStopped`.
    func stop() {
        inbox.withLock { $0.accepting = false }
        enqueue(force: { loop in loop.running = false })
    }

    /// Whether the loop thread has closed every session and exited.
    var hasFinished: Bool { finished.withLock { $0 } }

    private func enqueue(force job: @escaping Job) {
        inbox.withLock { $0.jobs.append(job) }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        // A full pipe (EAGAIN) already holds a wake-up; only an interrupted write is tried again.
        _ = try? SystemCall.run("write") { write(wakeWrite, &byte, 1) }
    }

    // MARK: Loop thread

    private func run() {
        while true {
            let jobs = inbox.withLock { state -> [Job] in
                let taken = state.jobs
                state.jobs.removeAll()
                return taken
            }
            for job in jobs { job(self) }
            runDeferred()
            if !running { break }

            var fdset = netsnmp_large_fd_set()
            netsnmp_large_fd_set_init(&fdset, Int32(FD_SETSIZE))
            var numfds: Int32 = 0
            var timeout = timeval(tv_sec: 0, tv_usec: 0)
            var block: Int32 = 1
            for session in sessions.values {
                _ = snmp_sess_select_info2(session.handle, &numfds, &fdset, &timeout, &block)
            }
            netsnmp_large_fd_setfd(wakeRead, &fdset)
            numfds = max(numfds, wakeRead + 1)
            let ready: Int32
            if block == 1 {
                ready = netsnmp_large_fd_set_select(numfds, &fdset, nil, nil, nil)
            } else {
                ready = netsnmp_large_fd_set_select(numfds, &fdset, nil, nil, &timeout)
            }
            if ready > 0 {
                if netsnmp_large_fd_is_set(wakeRead, &fdset) != 0 { drainWakePipe() }
                for session in sessions.values {
                    _ = snmp_sess_read2(session.handle, &fdset)
                }
            }
            // Retransmissions and timeouts: net-snmp checks each request's deadline itself.
            for session in sessions.values {
                snmp_sess_timeout(session.handle)
            }
            netsnmp_large_fd_set_cleanup(&fdset)
            runDeferred()
        }
        for session in sessions.values { closeNow(session) }
        sessions.removeAll()
        runDeferred()
        close(wakeRead)
        close(wakeWrite)
        finished.withLock { $0 = true }
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while let count = try? SystemCall.run("read", { read(wakeRead, &buffer, buffer.count) }), count > 0 {}
    }

    private func runDeferred() {
        while !deferred.isEmpty {
            let work = deferred
            deferred.removeAll()
            for w in work { w() }
        }
    }

    /// Runs `work` after the current read/timeout pass, outside any net-snmp callback.
    func later(_ work: @escaping () -> Void) { deferred.append(work) }

    // MARK: Sessions (loop thread only)

    /// Opens a session. For SNMPv3 the agent's engine ID is first discovered on a throw-away session
    /// (RFC 3414 probe, asynchronous: the library's own probe would block this thread for a dead agent).
    func openNow(address: String, settings: SNMPSettings,
                 completion: @escaping (Result<Int, SNMPError>) -> Void) {
        guard settings.version == .v3 else {
            completion(register(address: address, settings: settings, engineID: []))
            return
        }
        let probeID: Int
        switch register(address: address, settings: settings, engineID: []) {
        case .success(let id): probeID = id
        case .failure(let error): completion(.failure(error)); return
        }
        guard let probe = CNetSNMP_engine_probe_pdu(), let probeSession = sessions[probeID] else {
            closeSession(probeID)
            completion(.failure(.library(address: address, code: 0, message: "cannot allocate a PDU")))
            return
        }
        send(pdu: probe, on: probeSession) { [self] result in
            closeSession(probeID)
            switch result {
            case .success(let response) where !response.engineID.isEmpty:
                completion(register(address: address, settings: settings, engineID: response.engineID))
            case .success:
                completion(.failure(.library(address: address, code: Int(CNetSNMP_SNMPERR_UNKNOWN_ENG_ID),
                                             message: "the agent did not reveal its SNMPv3 engine ID")))
            case .failure(let error):
                completion(.failure(error))
            }
        }
    }

    private func register(address: String, settings: SNMPSettings, engineID: [UInt8]) -> Result<Int, SNMPError> {
        NetSNMPSessionFactory.open(address: address, settings: settings, engineID: engineID).map { handle in
            let id = nextSessionID
            nextSessionID += 1
            sessions[id] = LoopSession(id: id, handle: handle, address: address, settings: settings, engineID: engineID)
            return id
        }
    }

    /// Sends one request on an open session.
    func sendNow(sessionID: Int, request: SNMPRequest,
                 completion: @escaping (Result<SNMPResponse, SNMPError>) -> Void) {
        guard let session = sessions[sessionID] else { completion(.failure(.engineStopped)); return }
        guard let pdu = request.makePDU() else {
            completion(.failure(.library(address: session.address, code: 0, message: "cannot allocate a PDU")))
            return
        }
        send(pdu: pdu, on: session, pacing: request.pacing, completion: completion)
    }

    private func send(pdu: UnsafeMutablePointer<netsnmp_pdu>, on session: LoopSession,
                      pacing: SNMPRequest.Pacing? = nil,
                      completion: @escaping (Result<SNMPResponse, SNMPError>) -> Void) {
        guard session.waiting == nil else {
            snmp_free_pdu(pdu)
            completion(.failure(.library(address: session.address, code: 0, message: "a request is already in flight on this session")))
            return
        }
        // net-snmp copies the session's timeout into the request when it is sent, and compares the
        // session's retries with the request's count at each timeout; a session has one request in
        // flight, so setting both here paces exactly this request (and restores the settings' values).
        let timeout = pacing?.timeout ?? session.settings.timeout
        let retries = pacing?.retries ?? session.settings.retries
        if let netsnmp = snmp_sess_session(session.handle) {
            netsnmp.pointee.timeout = NetSNMPSessionFactory.microseconds(timeout)
            netsnmp.pointee.retries = Int32(clamping: retries)
        }
        session.worstCaseSeconds = timeout * (Double(retries) + 1)
        let magic = Unmanaged.passUnretained(session).toOpaque()
        session.sentAt = .now
        if snmp_sess_async_send(session.handle, pdu, loopSessionCallback, magic) == 0 {
            // Not accepted: the PDU is still ours to free.
            snmp_free_pdu(pdu)
            completion(.failure(session.lastError()))
            return
        }
        session.waiting = { [self] result in later { completion(result) } }
    }

    /// The round trip of the last request answered on a session, if any.
    func lastRoundTrip(sessionID: Int) -> Duration? { sessions[sessionID]?.lastRoundTrip }

    /// The SNMPv3 engine ID a session was opened with (empty for v1/v2c or a closed session).
    func engineID(sessionID: Int) -> [UInt8] { sessions[sessionID]?.engineID ?? [] }

    /// Closes a session; a request still waiting is told the engine stopped.
    func closeSession(_ id: Int) {
        guard let session = sessions.removeValue(forKey: id) else { return }
        closeNow(session)
    }

    private func closeNow(_ session: LoopSession) {
        snmp_sess_close(session.handle)
        if let waiting = session.waiting {
            session.waiting = nil
            waiting(.failure(.engineStopped))
        }
    }

    /// How many sessions are open (for tests that check nothing is left behind).
    func openSessionCount(_ completion: @escaping (Int) -> Void) { completion(sessions.count) }
}

/// net-snmp's callback for every session: `magic` is the unretained `LoopSession` (alive until the session
/// is closed, which also ends its callbacks). Returning 1 tells net-snmp the PDU was handled; it frees it.
private let loopSessionCallback: netsnmp_callback = { operation, _, _, pdu, magic in
    guard let magic else { return 1 }
    let session = Unmanaged<LoopSession>.fromOpaque(magic).takeUnretainedValue()
    // 0 for a message that is not the device's answer: net-snmp then keeps the request waiting (and
    // retrying) as if the message had never come, and frees it.
    return session.handle(operation: operation, pdu: pdu) ? 1 : 0
}
