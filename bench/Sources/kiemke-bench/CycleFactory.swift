import Foundation
import Inventory
import Probes

/// Makes one probe cycle's observations for every device, as the poller would report them:
/// live devices answer (with the odd lost cycle), dead ones time out.
struct CycleFactory {
    let devices: [Device]
    /// Every device whose id is a multiple of this never answers; 0: none.
    let deadEvery: Int
    private var random = SplitMix64(seed: 0x6B69_656D_6B65)

    init(devices: [Device], deadEvery: Int) {
        self.devices = devices
        self.deadEvery = deadEvery
    }

    /// Observations for every device at `time`.
    mutating func cycle(at time: Date) -> [Observation] {
        devices.map { device in
            let id = device.id!
            let dead = deadEvery > 0 && id % Int64(deadEvery) == 0
            if dead || random.next() % 200 == 0 {
                return Observation(deviceId: id, time: time, up: false, error: "timeout")
            }
            let rtt = 0.3 + Double(random.next() % 2700) / 1000
            let port = device.kind.defaultTCPPorts.first.map { ",tcp:\($0)" } ?? ""
            return Observation(deviceId: id, time: time, up: true, answeredBy: "icmp" + port, rttMs: rtt)
        }
    }
}
