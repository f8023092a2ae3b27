import Foundation
import GRDB
import KiemkeCore

/// The only code that changes the store's data. `InventoryStore.write` opens a transaction and
/// hands its body one of these; each method makes one kind of change and stamps it in the change
/// log (`StoreChange`), so that nothing is written that a later sync would not hear of.
///
/// Stamps are collected while the body runs and written when it returns, one per changed entry:
/// a device added and marked in one transaction is one `device` and one `marks` entry.
struct ChangeWriter {
    /// The transaction's connection, for the reads a change depends on. Changes go through the methods below.
    let db: Database
    private var stamps: [StampKey: Stamp] = [:]
    private var order: [StampKey] = []

    init(db: Database) {
        self.db = db
    }

    // MARK: - Devices

    /// Inserts `device` (its `id` is set) with its creation stamped.
    mutating func add(_ device: inout Device) throws {
        try device.insert(db)
        stamp(.device, device.uuid, .added, at: device.createdAt)
    }

    /// Saves the edited fields of an existing device.
    mutating func update(_ device: Device, at date: Date) throws {
        try device.update(db)
        stamp(.device, device.uuid, .updated, at: date.storedPrecision)
    }

    /// Retires `device` at `date`: it leaves every count from then on; its history stays.
    mutating func retire(_ device: inout Device, at date: Date) throws {
        let retiredAt = date.storedPrecision
        device.retiredAt = retiredAt
        try device.update(db)
        stamp(.device, device.uuid, .retired, at: retiredAt)
    }

    // MARK: - Condition marks

    /// Appends a condition mark (its `id` is set) to `device`'s history.
    mutating func mark(_ mark: inout ConditionMark, of device: Device) throws {
        try mark.insert(db)
        stamp(.marks, device.uuid, .marked, at: mark.markedAt)
    }

    // MARK: - Probe results

    /// Writes a batch of probe results: observations, each device's new state and its state
    /// changes (whose ids are set).
    mutating func record(_ batch: inout ProbeBatch, devices: [Int64: Device]) throws {
        var latest: [Int64: Date] = [:]
        for index in batch.observations.indices {
            try batch.observations[index].insert(db)
            let observation = batch.observations[index]
            latest[observation.deviceId] = max(latest[observation.deviceId] ?? observation.time, observation.time)
        }
        for index in batch.changes.indices {
            try batch.changes[index].change.insert(db)
        }
        for (deviceId, entry) in batch.states.sorted(by: { $0.key < $1.key }) {
            if entry.isNew {
                try entry.state.insert(db)
            } else if batch.withoutFacts.contains(deviceId) {
                try entry.state.update(db, columns: DeviceState.columnsWithoutFacts)
            } else {
                try entry.state.update(db)
            }
            latest[deviceId] = max(latest[deviceId] ?? entry.state.lastProbe, entry.state.lastProbe)
        }
        for (deviceId, time) in latest.sorted(by: { $0.key < $1.key }) {
            guard let device = devices[deviceId] else { continue }
            stamp(.observations, device.uuid, .recorded, at: time)
        }
    }

    /// Adds the seconds `ledger` collected to the hourly and daily availability.
    mutating func credit(_ ledger: AvailabilityLedger, devices: [Int64: Device]) throws {
        try ledger.flush(into: db)
        for (bucket, time) in ledger.latestCredit.sorted(by: { ($0.key.deviceId, $0.key.day) < ($1.key.deviceId, $1.key.day) }) {
            guard let device = devices[bucket.deviceId] else { continue }
            stamp(.availability, device.uuid, day: bucket.day, .credited, at: time)
        }
    }

    /// Deletes raw observations older than `cutoff`; returns how many.
    ///
    /// Not stamped: pruning is this machine's housekeeping, not a change of the office's data
    /// that another copy should repeat (the rollups, which are kept, already hold the time).
    func pruneObservations(before cutoff: Date) throws -> Int {
        try Observation.filter(Column("time") < cutoff).deleteAll(db)
    }

    // MARK: - The change log

    private struct StampKey: Hashable {
        var entity: StoreChange.Entity
        var uuid: UUID
        var day: String
    }

    private struct Stamp {
        var kind: StoreChange.Kind
        var time: Date
    }

    private mutating func stamp(_ entity: StoreChange.Entity, _ uuid: UUID, day: String = "", _ kind: StoreChange.Kind, at time: Date) {
        let key = StampKey(entity: entity, uuid: uuid, day: day)
        if stamps.updateValue(Stamp(kind: kind, time: time), forKey: key) == nil { order.append(key) }
    }

    /// Writes the collected stamps; `InventoryStore.write` calls it when the body has returned.
    mutating func flushStamps() throws {
        // REPLACE deletes an entry's older stamp; AUTOINCREMENT gives the new one a sequence
        // number greater than any ever used, deleted ones included.
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO "change" (entity, entityId, day, kind, time) VALUES (?, ?, ?, ?, ?)
            """)
        for key in order {
            guard let stamp = stamps[key] else { continue }
            try statement.execute(arguments: [key.entity.rawValue, key.uuid.uuidString, key.day, stamp.kind.rawValue, stamp.time])
        }
        stamps = [:]
        order = []
    }
}
