import Foundation
import KiemkeCore

/// Something the probes suggest a person should look at; it changes no condition.
public struct AttentionItem: Sendable, Equatable {
    public var name: String
    public var kind: DeviceKind
    /// What to look at, in English ("low toner", "down for 30 hours"); reports translate it.
    public var issue: String
    public var since: Date?

    public init(name: String, kind: DeviceKind, issue: String, since: Date?) {
        self.name = name
        self.kind = kind
        self.issue = issue
        self.since = since
    }
}
