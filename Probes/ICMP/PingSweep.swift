import Glibc
import KiemkeCore

/// One sweep's event loop: a paced send queue, a FIFO of deadlines, and reads from both sockets,
/// all on one thread. State is plain arrays indexed by target, so thousands of targets cost
/// no tasks, no locks and no per-target timers.
struct PingSweep {
    private struct Target {
        let address: IPAddress
        var sent = 0
        var received = 0
        var rttMs: Double?
        var reason: String?
        /// The sequence of the latest request, whose timeout or error triggers the next try.
        var currentSequence: Int = -1
        var done = false
    }

    private let sockets: (v4: ICMPSocket?, v6: ICMPSocket?)
    private let timeout: UInt64
    private let tries: Int
    private let interval: UInt64
    private var targets: [Target]
    private var remaining: Int
    /// Target index and send time per sequence number; a sweep reuses a number only after 65,536 sends.
    private var pendingTarget = [Int32](repeating: -1, count: 65_536)
    private var pendingSentAt = [UInt64](repeating: 0, count: 65_536)
    private var nextSequence = UInt16.random(in: 0...UInt16.max)
    private var sendQueue: [Int] = []
    private var sendHead = 0
    private var deadlines: [(target: Int, sequence: Int, at: UInt64)] = []
    private var deadlineHead = 0

    init(targets addresses: [IPAddress], v4: ICMPSocket?, v6: ICMPSocket?, options: PingOptions,
         unavailableV6: String?) {
        sockets = (v4, v6)
        timeout = max(options.timeout.nanoseconds, 1_000_000)
        tries = options.tries
        interval = 1_000_000_000 / UInt64(options.packetsPerSecond)
        targets = addresses.map { Target(address: $0) }
        remaining = targets.count
        for index in targets.indices {
            if socket(for: targets[index].address) == nil {
                let reason = targets[index].address.isIPv4 ? "IPv4 ping unavailable" : (unavailableV6 ?? "IPv6 ping unavailable")
                finish(index, reason: reason)
            } else {
                sendQueue.append(index)
            }
        }
    }

    private func socket(for address: IPAddress) -> ICMPSocket? {
        address.isIPv4 ? sockets.v4 : sockets.v6
    }

    /// Runs until every target has answered or used up its tries; `isCancelled` is polled each turn.
    mutating func run(isCancelled: () -> Bool) -> [IPAddress: PingResult] {
        // Late replies from an earlier sweep must not count for this one.
        drainAll()
        var nextSendAt = MonotonicClock.now()
        while remaining > 0, !isCancelled() {
            var now = MonotonicClock.now()
            while sendHead < sendQueue.count, now >= nextSendAt {
                let index = sendQueue[sendHead]
                sendHead += 1
                guard !targets[index].done else { continue }
                if !send(index, now: now) {
                    // Socket buffer full: put it back and let the receive side catch up.
                    sendHead -= 1
                    nextSendAt = now + 1_000_000
                    break
                }
                // Catch up after a late wake-up, but never in a burst of more than ~5 ms worth.
                nextSendAt = max(nextSendAt + interval, now &- 5 * interval)
                now = MonotonicClock.now()
            }
            expireDeadlines(now: now)
            guard remaining > 0 else { break }
            var wakeAt = UInt64.max
            if sendHead < sendQueue.count { wakeAt = nextSendAt }
            if deadlineHead < deadlines.count { wakeAt = min(wakeAt, deadlines[deadlineHead].at) }
            wait(until: wakeAt, now: now)
            drainAll()
        }
        var results: [IPAddress: PingResult] = [:]
        for target in targets {
            let up = target.received > 0
            results[target.address] = PingResult(up: up, rttMs: target.rttMs,
                                                  reason: up ? nil : (target.reason ?? "timeout"),
                                                  sent: target.sent, received: target.received)
        }
        return results
    }

    /// Sends the next try; false when the kernel had no buffer space and it should be retried.
    private mutating func send(_ index: Int, now: UInt64) -> Bool {
        guard let socket = socket(for: targets[index].address) else { return true }
        let sequence = nextSequence
        let failure: SystemCallError?
        do throws(SystemCallError) {
            try socket.sendEcho(to: targets[index].address, sequence: sequence)
            failure = nil
        } catch {
            failure = error
        }
        if let failure, failure.code == EAGAIN || failure.code == ENOBUFS { return false }
        nextSequence &+= 1
        targets[index].sent += 1
        if let failure {
            // A local routing verdict (unreachable, prohibit, blackhole) will not change on a retry.
            finish(index, reason: SocketErrno.reason(failure.code))
            return true
        }
        pendingTarget[Int(sequence)] = Int32(index)
        pendingSentAt[Int(sequence)] = now
        targets[index].currentSequence = Int(sequence)
        deadlines.append((index, Int(sequence), now + timeout))
        return true
    }

    private mutating func expireDeadlines(now: UInt64) {
        while deadlineHead < deadlines.count, deadlines[deadlineHead].at <= now {
            let (index, sequence, _) = deadlines[deadlineHead]
            deadlineHead += 1
            if !targets[index].done, targets[index].currentSequence == sequence {
                nextTry(index)
            }
        }
        if deadlineHead > 4_096, deadlineHead * 2 > deadlines.count {
            deadlines.removeFirst(deadlineHead)
            deadlineHead = 0
        }
    }

    /// The latest try timed out: queue another one, or settle the target as down.
    private mutating func nextTry(_ index: Int) {
        targets[index].currentSequence = -1
        if targets[index].sent < tries {
            sendQueue.append(index)
        } else {
            finish(index, reason: targets[index].reason)
        }
    }

    private mutating func finish(_ index: Int, reason: String?) {
        guard !targets[index].done else { return }
        if let reason { targets[index].reason = reason }
        targets[index].done = true
        remaining -= 1
    }

    private mutating func drainAll() {
        for socket in [sockets.v4, sockets.v6].compactMap({ $0 }) {
            socket.drain { event in handle(event) }
        }
    }

    private mutating func handle(_ event: ICMPSocket.Event) {
        switch event {
        case let .reply(source, sequence, receivedAt):
            let index = Int(pendingTarget[Int(sequence)])
            // Match on source too: a reply with a reused number from another host is not ours.
            guard index >= 0, targets[index].address == source else { return }
            targets[index].received += 1
            if targets[index].rttMs == nil {
                targets[index].rttMs = MonotonicClock.milliseconds(from: pendingSentAt[Int(sequence)], to: receivedAt)
            }
            finish(index, reason: nil)
        case let .error(destination, sequence, reason):
            let index = Int(pendingTarget[Int(sequence)])
            guard index >= 0, targets[index].address == destination else { return }
            // A router's verdict is an answer, not a lost packet: retrying would mostly wait out
            // timeouts, since routers rate-limit ICMP errors to about one a second per sender.
            finish(index, reason: reason)
        }
    }

    private func wait(until wakeAt: UInt64, now: UInt64) {
        var descriptors = [sockets.v4, sockets.v6].compactMap { $0 }.map {
            pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0)
        }
        // poll(2) counts milliseconds: round up so a deadline is never checked a little early.
        let remaining = wakeAt > now ? min(wakeAt - now, 1_000_000_000) : 0
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32((remaining + 999_999) / 1_000_000))
    }
}
