import Foundation

/// When probe facts suggest that a person look at a device; suggestions never change a marked condition.
public struct AttentionRules: Sendable, Equatable {
    /// A device that should run always and has been down this long is listed.
    public var longOutage: TimeInterval

    public init(longOutage: TimeInterval = 86_400) {
        self.longOutage = longOutage
    }

    /// The attention items for one device's report line.
    func items(for line: DigitalGovernmentReport.DeviceLine, now: Date) -> [DigitalGovernmentReport.AttentionItem] {
        guard let state = line.state, line.condition != .broken else { return [] }
        var items: [DigitalGovernmentReport.AttentionItem] = []
        if state.state == .down, now.timeIntervalSince(state.since) >= longOutage {
            let hours = Int(now.timeIntervalSince(state.since) / 3600)
            items.append(.init(name: line.device.name, kind: line.device.kind,
                               issue: "down for \(hours) hours", since: state.since))
        }
        items += AttentionRules.factIssues(line.state?.lastFacts).map {
            .init(name: line.device.name, kind: line.device.kind, issue: $0, since: line.state?.lastFactsAt)
        }
        return items
    }
}
