import Foundation
import Glibc
import Logging
import Synchronization
import KiemkeCore

/// Sweeps many targets with ICMP echo over one socket per address family, like fping.
///
/// Sweeps on one `Pinger` run one at a time (they share the sockets); each runs on its own
/// thread with a paced send loop and a receive loop, whatever the number of targets.
public final class Pinger: Sendable {
    /// The kind of the IPv4 socket (raw when privileged, datagram otherwise).
    public let socketKind: PingSocketKind
    /// The options this pinger sweeps with.
    public let options: PingOptions

    private let v4: ICMPSocket
    private let v6: ICMPSocket?
    private let unavailableV6: String?
    private let sweepLock = Mutex<Void>(())
    private let logger: Logger

    /// Opens the sockets `options.mode` allows; throws when no IPv4 ICMP socket can be opened.
    public init(options: PingOptions = PingOptions(),
                logger: Logger = Logger(label: "kiemke.ping")) throws(PingError) {
        guard options.tries >= 1 else { throw .invalidOption("tries must be at least 1 (got \(options.tries))") }
        guard (1...1_000_000).contains(options.packetsPerSecond) else {
            throw .invalidOption("rate must be between 1 and 1000000 packets/s (got \(options.packetsPerSecond))")
        }
        guard options.timeout > .zero else { throw .invalidOption("timeout must be positive") }
        self.options = options
        self.logger = logger
        v4 = try Self.open(ipv4: true, options: options).get()
        socketKind = v4.kind
        switch Self.open(ipv4: false, options: options) {
        case .success(let socket):
            v6 = socket
            unavailableV6 = nil
        case .failure(let error):
            v6 = nil
            unavailableV6 = "IPv6 ping unavailable: \(error)"
            logger.debug("no IPv6 ICMP socket; IPv6 targets will be reported down", metadata: ["error": "\(error)"])
        }
        logger.debug("ICMP sockets open", metadata: ["kind": "\(socketKind)", "ipv6": "\(v6 != nil)"])
    }

    deinit {
        v4.close()
        v6?.close()
    }

    /// Pings every target (duplicates once) and returns a result for each.
    public func ping(_ targets: [IPAddress]) async -> [IPAddress: PingResult] {
        var seen = Set<IPAddress>()
        let unique = targets.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return [:] }
        let cancelled = Atomic<Bool>(false)
        return await withTaskCancellationHandler {
            await DedicatedThread.run(name: "kiemke-ping") { [self] in
                sweepLock.withLock { _ in
                    var sweep = PingSweep(targets: unique, v4: v4, v6: v6, options: options,
                                          unavailableV6: unavailableV6)
                    return sweep.run { cancelled.load(ordering: .relaxed) }
                }
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
    }

    private static func open(ipv4: Bool, options: PingOptions) -> Result<ICMPSocket, PingError> {
        let kinds: [PingSocketKind] = switch options.mode {
        case .automatic: [.raw, .datagram]
        case .raw: [.raw]
        case .datagram: [.datagram]
        }
        var failures: [String] = []
        var permissionOnly = true
        for kind in kinds {
            switch ICMPSocket.open(ipv4: ipv4, kind: kind, receiveBuffer: options.receiveBuffer) {
            case .success(let socket):
                return .success(socket)
            case .failure(let failure):
                if failure.code != EPERM && failure.code != EACCES { permissionOnly = false }
                failures.append("\(kind): \(SocketErrno.message(failure.code))\(kind == .datagram && failure.code == EACCES ? Self.groupRangeNote() : "")")
            }
        }
        let detail = failures.joined(separator: "; ")
        if permissionOnly {
            return .failure(.permissionDenied(mode: options.mode, executable: executablePath(), detail: detail))
        }
        return .failure(.socketFailed(detail: "\(ipv4 ? "IPv4" : "IPv6") ICMP socket: \(detail)"))
    }

    /// Why the datagram socket was refused, in the sysctl's own words.
    private static func groupRangeNote() -> String {
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ping_group_range", encoding: .utf8))?
            .split(whereSeparator: \.isWhitespace).joined(separator: " ") ?? "?"
        return ", group \(getegid()) is outside net.ipv4.ping_group_range \"\(range)\""
    }

    private static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/path/to/kiemke"
    }
}
