import Foundation
import KiemkeCore

/// When probe facts suggest that a person look at a device; suggestions never change a marked condition.
public struct AttentionRules: Sendable, Equatable {
    /// A device that should run always and has been down this long is listed.
    public var longOutage: TimeInterval

    public init(longOutage: TimeInterval = 86_400) {
        self.longOutage = longOutage
    }

    /// The attention items for one device; a device staff already marked broken needs none.
    public func items(for device: Device, condition: Condition?, state: DeviceState?, now: Date) -> [AttentionItem] {
        guard let state, condition != .broken else { return [] }
        var items: [AttentionItem] = []
        if state.state == .down, now.timeIntervalSince(state.since) >= longOutage {
            let hours = Int(now.timeIntervalSince(state.since) / 3600)
            items.append(AttentionItem(name: device.name, kind: device.kind, attention: .longOutage(hours: hours), since: state.since))
        }
        items += AttentionRules.factIssues(state.lastFacts).map {
            AttentionItem(name: device.name, kind: device.kind, attention: $0, since: state.lastFactsAt)
        }
        return items
    }
}
