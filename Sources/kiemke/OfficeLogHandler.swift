import Foundation
import Logging
import Synchronization

/// swift-log's stream handler on standard error, with times in the office's time zone.
///
/// A clerk reading the daemon's log ("device PHOTO-02 down since 14:05") compares it with the
/// office clock, the one `status` and `history` use, not with UTC. The zone comes from the config
/// once the workspace is read (`officeTimeZone`); until then, the machine's.
struct OfficeLogHandler: LogHandler {
    /// The zone log times are written in; set once the config is read.
    static let officeTimeZone = Mutex<TimeZone>(.current)

    let label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let fields = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let zone = Self.officeTimeZone.withLock { $0 }
        let time = Date().formatted(Date.ISO8601FormatStyle(timeZone: zone))
        let line = "\(time) \(event.level) \(label):\(fields) [\(event.source)] \(event.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
