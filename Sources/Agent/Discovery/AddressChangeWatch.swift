import Discovery
import Foundation
import Inventory
import KiemkeCore
import Logging
import Probes
import Synchronization

/// What the polling learns about who each device is, and what it does when a device goes silent.
///
/// After each batch: the identity evidence of every device whose facts were read (serial, sysName, v3 engine ID, MAC
/// from IF-MIB, or from the host's neighbour table for devices on its own segment) is recorded; and a
/// device with identity evidence that failed its liveness check is looked for elsewhere (again after
/// 20 s, 40 s ... up to an hour while it stays silent), before its failure is recorded: the sweep covers `[discovery] networks` and the addresses
/// where the neighbour table shows its MAC. Found at exactly one other address (`AddressChangeFinder`),
/// it is moved there (one transaction: the edit and the address change), probed there at once, and that
/// answer replaces the failure, so no outage is counted. A conflict is recorded for a person; nothing moves.
public final class AddressChangeWatch: Sendable {
    private let store: InventoryStore
    private let events: DaemonEventSink
    private let logger: Logger
    /// Devices looked for during their current silence: when, and how long to wait before the next look
    /// (cleared when they answer). A search that found nothing is tried again after `firstRetry`,
    /// doubling up to `longestRetry`: a sweep lost to a busy moment is not the last word, and a
    /// device that is simply off for days is not swept for every few seconds.
    private let searched = Mutex<[Int64: (at: Date, wait: TimeInterval)]>([:])
    static let firstRetry: TimeInterval = 20
    static let longestRetry: TimeInterval = 3_600
    /// Whether a device was moved since the polling loop last asked.
    private let movedSinceAsked = Mutex(false)

    public init(store: InventoryStore, events: @escaping DaemonEventSink, logger: Logger) {
        self.store = store
        self.events = events
        self.logger = logger
    }

    /// The observations to record, and whether a device moved (the caller's device list is then stale).
    struct Reviewed: Sendable {
        var observations: [Observation]
        var moved: Bool
    }

    /// Whether a device was moved since the last call: the caller's device list is stale.
    func takeMoved() -> Bool {
        movedSinceAsked.withLock { moved in
            defer { moved = false }
            return moved
        }
    }

    /// Records identities from `observations` and replaces the failures of devices found at a new address
    /// with their answer there.
    func review(_ observations: [Observation], entries: [PollPlan.Entry], poller: Poller, configuration: Configuration,
                at time: Date) async -> Reviewed {
        guard !observations.isEmpty else { return Reviewed(observations: observations, moved: false) }
        let byId = Dictionary(entries.compactMap { entry in entry.device.id.map { ($0, entry) } }, uniquingKeysWith: { a, _ in a })
        record(observations, byId: byId, at: time)
        searched.withLock { set in for observation in observations where observation.up { set[observation.deviceId] = nil } }

        let silent = observations.filter { observation in
            guard !observation.up, let entry = byId[observation.deviceId], entry.device.role == .equipment else { return false }
            // A computer silent outside office hours is off, not moved.
            if poller.policy.hours.follows(entry.device) && !poller.policy.hours.isOpen(at: time) { return false }
            return true
        }
        guard !silent.isEmpty else { return Reviewed(observations: observations, moved: false) }
        let moved: [Int64: Observation]
        do {
            moved = try await search(silent.map(\.deviceId), byId: byId, poller: poller, configuration: configuration, at: time)
        } catch {
            logger.debug("address change search failed", metadata: ["error": "\(error)"])
            return Reviewed(observations: observations, moved: false)
        }
        if !moved.isEmpty { movedSinceAsked.withLock { $0 = true } }
        return Reviewed(observations: observations.map { moved[$0.deviceId] ?? $0 }, moved: !moved.isEmpty)
    }

    /// The identity evidence in the facts read this batch, written in one transaction.
    private func record(_ observations: [Observation], byId: [Int64: PollPlan.Entry], at time: Date) {
        let read = observations.filter { $0.facts != nil }
        guard !read.isEmpty else { return }
        let neighbours = NeighbourTable.read()
        var identities: [Int64: DeviceIdentity] = [:]
        for observation in read {
            guard let facts = observation.facts else { continue }
            let address = byId[observation.deviceId].flatMap { IPAddress($0.device.address) }
            identities[observation.deviceId] = Self.identity(facts, neighbourMAC: address.flatMap { neighbours[$0] })
        }
        do {
            try store.recordIdentities(identities, at: time)
        } catch {
            logger.debug("identities not recorded", metadata: ["error": "\(error)"])
        }
    }

    /// What a facts read says about who the device is; the neighbour table's MAC (the interface that
    /// answered at this very address) wins over the first MAC of the device's own interface list.
    static func identity(_ facts: DeviceFacts, neighbourMAC: String?) -> DeviceIdentity {
        DeviceIdentity(mac: neighbourMAC ?? facts.interfaces.lazy.compactMap { $0.mac.flatMap(NeighbourTable.normalizedMAC) }.first,
                       serial: clean(facts.serial), sysName: clean(facts.system.name), engineID: clean(facts.engineID))
    }

    private static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Looks for the silent devices not yet looked for; returns the observations at their new addresses.
    private func search(_ ids: [Int64], byId: [Int64: PollPlan.Entry], poller: Poller, configuration: Configuration,
                        at time: Date) async throws -> [Int64: Observation] {
        let fresh = searched.withLock { set in
            ids.filter { id in
                if let last = set[id], time.timeIntervalSince(last.at) < last.wait { return false }
                set[id] = (time, min(Self.longestRetry, set[id].map { $0.wait * 2 } ?? Self.firstRetry))
                return true
            }
        }
        // Most batches' silent devices were looked for moments ago, or never answered and so have nothing to be
        // recognised by: the whole inventory is read (a good part of the daemon's CPU at 1,000 devices when it
        // was read for every batch) only when one of them can be looked for.
        guard !fresh.isEmpty, !(try store.withIdentityEvidence(fresh)).isEmpty else { return [:] }
        let (known, _) = try DiscoveryRun.inventory(store)
        let byName = Dictionary(known.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let missing = fresh.compactMap { id -> KnownDevice? in
            guard let device = byId[id].flatMap({ byName[$0.device.name] }) else { return nil }
            // Nothing to recognise it by: its silence is an outage.
            return device.serial != nil || !device.macs.isEmpty || device.engineID != nil ? device : nil
        }
        guard !missing.isEmpty else { return [:] }

        var addresses: [IPAddress] = []
        for text in configuration.discovery.networks {
            if let range = try? SweepRange(text) { addresses += range.addresses }
        }
        let macs = Set(missing.flatMap(\.macs))
        addresses += NeighbourTable.read().filter { macs.contains($0.value) }.map(\.key).sorted { $0.description < $1.description }
        var seen = Set<IPAddress>()
        addresses = addresses.filter { seen.insert($0).inserted }
        guard !addresses.isEmpty else {
            logger.debug("silent devices not looked for: no [discovery] networks", metadata: ["devices": "\(missing.map(\.name))"])
            return [:]
        }
        let sweeper = NetworkSweeper(options: try DiscoveryRun.options(configuration), logger: logger)
        let outcome = await sweeper.sweep(addresses)
        logger.debug("looked for silent devices", metadata: ["devices": "\(missing.map(\.name))", "swept": "\(outcome.swept)",
                                                             "found": "\(outcome.findings.count)"])

        var replaced: [Int64: Observation] = [:]
        let ids = Dictionary(fresh.compactMap { id in byId[id].map { ($0.device.name, id) } }, uniquingKeysWith: { a, _ in a })
        for decision in AddressChangeFinder.decide(missing: missing, findings: outcome.findings, inventory: known) {
            switch decision {
            case let .move(name, from, to, evidence):
                guard let id = ids[name] else { continue }
                let change = try store.recordAddressChange(ofDeviceNamed: name, to: to.description, evidence: evidence, at: time)
                events(.addressChanged(device: name, from: from, to: change.to, evidence: evidence))
                searched.withLock { $0[id] = nil }
                let device = try store.device(named: name)
                guard let entry = PollPlan(devices: [device], configuration: configuration).entries.first else { continue }
                // Probed at its new address now: that answer stands for this batch, so no failure is recorded.
                if let observation = await poller.probe([entry], at: time, facts: .always).first(where: { $0.deviceId == id }) {
                    replaced[id] = observation
                }
            case let .conflict(name, conflict):
                try store.noteDiscovery(new: [], conflicts: [Self.sighting(conflict)], at: time)
                events(.identityConflict(device: name, conflict: Self.sighting(conflict)))
            case .notFound:
                continue
            }
        }
        return replaced
    }

    /// The store's record of a conflict.
    static func sighting(_ conflict: IdentityConflict) -> IdentityConflictSighting {
        switch conflict {
        case let .mac(mac, places): IdentityConflictSighting(evidence: .mac, value: mac, places: places)
        case let .serial(serial, places): IdentityConflictSighting(evidence: .serial, value: serial, places: places)
        }
    }
}
