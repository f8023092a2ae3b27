import Glibc
import KiemkeCore

/// One TCP probe's event loop: starts connects up to a limit and polls them to completion.
struct TCPSweep {
    /// A device and the ports to try on it.
    struct Target: Sendable {
        let address: IPAddress
        let ports: [UInt16]
    }

    private struct Attempt {
        let descriptor: Int32
        let target: Int
        let port: UInt16
        let startedAt: UInt64
    }

    private struct Outcome {
        var open: (port: UInt16, rttMs: Double)?
        var refused: (port: UInt16, rttMs: Double)?
        var failure: String?
        var unresolved: Int
    }

    private let targets: [Target]
    private let timeout: UInt64
    private let maxConcurrent: Int
    private var jobs: [(target: Int, port: UInt16)] = []
    private var nextJob = 0
    private var attempts: [Attempt] = []
    private var outcomes: [Outcome]

    init(targets: [Target], timeout: Duration, maxConcurrent: Int) {
        // The same address twice would only race itself: merge its ports.
        var merged: [IPAddress: Int] = [:]
        var unique: [Target] = []
        for target in targets {
            if let index = merged[target.address] {
                let ports = unique[index].ports + target.ports.filter { !unique[index].ports.contains($0) }
                unique[index] = Target(address: target.address, ports: ports)
            } else {
                merged[target.address] = unique.count
                unique.append(Target(address: target.address, ports: target.ports.reduce(into: [UInt16]()) { if !$0.contains($1) { $0.append($1) } }))
            }
        }
        self.targets = unique
        self.timeout = timeout.nanoseconds
        self.maxConcurrent = maxConcurrent
        outcomes = unique.map { Outcome(unresolved: $0.ports.count) }
        for (index, target) in unique.enumerated() {
            jobs.append(contentsOf: target.ports.map { (index, $0) })
        }
    }

    mutating func run() -> [IPAddress: TCPResult] {
        while nextJob < jobs.count || !attempts.isEmpty {
            startAttempts()
            guard !attempts.isEmpty else { continue }
            waitAndResolve()
        }
        var results: [IPAddress: TCPResult] = [:]
        for (index, target) in targets.enumerated() {
            let outcome = outcomes[index]
            if let open = outcome.open {
                results[target.address] = TCPResult(up: true, port: open.port, refused: false, rttMs: open.rttMs, reason: nil)
            } else if let refused = outcome.refused {
                results[target.address] = TCPResult(up: true, port: refused.port, refused: true, rttMs: refused.rttMs, reason: nil)
            } else {
                let reason = target.ports.isEmpty ? "no ports to probe" : (outcome.failure ?? "timeout")
                results[target.address] = TCPResult(up: false, port: nil, refused: false, rttMs: nil, reason: reason)
            }
        }
        return results
    }

    private mutating func startAttempts() {
        while attempts.count < maxConcurrent, nextJob < jobs.count {
            let (target, port) = jobs[nextJob]
            nextJob += 1
            // Once a port accepted, the device is known to be up: skip its other ports.
            guard outcomes[target].open == nil else {
                outcomes[target].unresolved -= 1
                continue
            }
            let address = targets[target].address
            let descriptor: Int32
            do throws(SystemCallError) {
                descriptor = try SystemCall.run("socket") {
                    socket(address.family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
                }
            } catch {
                // Out of descriptors: retry this job once an attempt in flight finishes.
                guard attempts.isEmpty else {
                    nextJob -= 1
                    return
                }
                resolve(target, port: port, startedAt: MonotonicClock.now(), error: error.code)
                continue
            }
            let startedAt = MonotonicClock.now()
            // errno is read inside the closure, right after connect; the outcome leaves it as a value.
            let connected: Result<Int32, SystemCallError> = address.withSockaddr(port: port) { address, length in
                Result { () throws(SystemCallError) in try SystemCall.run("connect") { connect(descriptor, address, length) } }
            }
            switch connected {
            case .failure(let failure) where failure.code == EINPROGRESS:
                attempts.append(Attempt(descriptor: descriptor, target: target, port: port, startedAt: startedAt))
            case .failure(let failure):
                Self.abort(descriptor)
                resolve(target, port: port, startedAt: startedAt, error: failure.code)
            case .success:
                Self.abort(descriptor)
                resolve(target, port: port, startedAt: startedAt, error: 0)
            }
        }
    }

    private mutating func waitAndResolve() {
        let now = MonotonicClock.now()
        let earliest = attempts.map(\.startedAt).min() ?? now
        let remaining = (earliest + timeout) > now ? (earliest + timeout - now) : 0
        var descriptors = attempts.map { pollfd(fd: $0.descriptor, events: Int16(POLLOUT), revents: 0) }
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32(min((remaining + 999_999) / 1_000_000, 60_000)))
        let after = MonotonicClock.now()
        var still: [Attempt] = []
        for (attempt, polled) in zip(attempts, descriptors) {
            if polled.revents != 0 {
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                do throws(SystemCallError) {
                    try SystemCall.run("getsockopt") { getsockopt(attempt.descriptor, SOL_SOCKET, SO_ERROR, &error, &length) }
                } catch let failure {
                    // Cannot happen on a socket we hold open; never take it for a connect that succeeded.
                    error = failure.code
                }
                Self.abort(attempt.descriptor)
                resolve(attempt.target, port: attempt.port, startedAt: attempt.startedAt, error: error, at: after)
            } else if after >= attempt.startedAt + timeout || outcomes[attempt.target].open != nil {
                Self.abort(attempt.descriptor)
                resolve(attempt.target, port: attempt.port, startedAt: attempt.startedAt, error: ETIMEDOUT, at: after)
            } else {
                still.append(attempt)
            }
        }
        attempts = still
    }

    private mutating func resolve(_ target: Int, port: UInt16, startedAt: UInt64, error: Int32,
                                  at time: UInt64 = MonotonicClock.now()) {
        outcomes[target].unresolved -= 1
        let rtt = MonotonicClock.milliseconds(from: startedAt, to: time)
        switch error {
        case 0:
            if outcomes[target].open == nil { outcomes[target].open = (port, rtt) }
        case ECONNREFUSED:
            // A refusal is the host's own answer: it is up, that port is closed.
            if outcomes[target].refused == nil { outcomes[target].refused = (port, rtt) }
        case ETIMEDOUT:
            break
        default:
            outcomes[target].failure = SocketErrno.reason(error)
        }
    }

    /// Closes with a reset instead of a FIN, so probes leave no TIME_WAIT and no half-open sessions.
    private static func abort(_ descriptor: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        _ = close(descriptor)
    }
}
