import Agent
import Synchronization

/// The daemon's latest cycle duration, heard from its events, for `/metrics`.
final class CycleGauge: Sendable {
    private let seconds = Mutex<Double?>(nil)

    func observe(_ event: DaemonEvent) {
        if case .cycle(let totals) = event {
            let c = totals.probing.components
            seconds.withLock { $0 = Double(c.seconds) + Double(c.attoseconds) / 1e18 }
        }
    }

    var value: Double? { seconds.withLock { $0 } }
}
