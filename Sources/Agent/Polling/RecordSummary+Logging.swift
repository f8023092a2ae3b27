import Inventory
import Logging

extension RecordSummary {
    /// Logs each state change: a device's first state at info, later changes at notice.
    func log(to logger: Logger) {
        for (name, change) in changes {
            let level: Logger.Level = change.from == nil ? .info : .notice
            logger.log(level: level, "\(name) is \(change.to.rawValue): \(change.reason)")
        }
    }
}
