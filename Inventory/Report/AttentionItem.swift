import Foundation
import KiemkeCore

/// Something the probes suggest a person should look at; it changes no condition.
public struct AttentionItem: Sendable, Equatable {
    public var name: String
    public var kind: DeviceKind
    /// What to look at.
    public var attention: Attention
    public var since: Date?

    public init(name: String, kind: DeviceKind, attention: Attention, since: Date?) {
        self.name = name
        self.kind = kind
        self.attention = attention
        self.since = since
    }

    /// What to look at, in English ("low toner", "down for 30 hours"), as `status` and the JSON say it.
    public var issue: String { attention.english }
}
