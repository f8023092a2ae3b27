import Foundation
import Logging

/// Says once per process that a stored facts row cannot be read, rather than letting it pass as
/// "no facts" (and a printer's empty toner as "no issues") in silence.
final class UndecodableFactsLog: @unchecked Sendable {
    // @unchecked: `reported` is only read or written while `lock` is held; `logger` never changes.
    private let lock = NSLock()
    private var reported: Set<Key> = []
    let logger: Logger

    /// The log every store shares, so that status, report and daemon in one process warn once.
    static let shared = UndecodableFactsLog(logger: Logger(label: "kiemke.inventory"))

    private struct Key: Hashable {
        var deviceId: Int64
        var json: String
    }

    init(logger: Logger) {
        self.logger = logger
    }

    /// Logs that `json`, the stored facts of device `deviceId`, cannot be read, unless this process
    /// already said so; returns whether it logged.
    @discardableResult
    func report(deviceId: Int64, json: String, error: any Error) -> Bool {
        let first = lock.withLock { reported.insert(Key(deviceId: deviceId, json: json)).inserted }
        if first {
            logger.warning("stored SNMP facts cannot be read; they are ignored until the device is read again", metadata: [
                "device.id": "\(deviceId)", "error": "\(error)", "facts.prefix": "\(json.prefix(80))",
            ])
        }
        return first
    }

    /// Whether `json` of device `deviceId` was reported.
    func hasReported(deviceId: Int64, json: String) -> Bool {
        lock.withLock { reported.contains(Key(deviceId: deviceId, json: json)) }
    }
}
