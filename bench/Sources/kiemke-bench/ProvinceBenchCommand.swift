import ArgumentParser
import Foundation
import GRDB
import Inventory
import KiemkeCore
import Logging
import ProvinceStore
import ProvinceSync

/// `kiemke-bench province`: the province workload against a running PostgreSQL. A commune
/// database made by `seed` (its rollups) is fed as `--communes` offices; timed: the first office's
/// initial sync, a routine round with one more day of the daemon's cycles, the province report
/// over every office, and the `--office` report. Prints one JSON line.
struct ProvinceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "province", abstract: "Time the province sync and report against a running PostgreSQL.")

    @Option(help: "The seeded commune database (kiemke-bench seed --history-days N).") var db: String
    @Option(help: "postgres:// URL of the superuser.") var adminUrl: String
    @Option(help: "How many communes (offices) to feed from the database.") var communes = 100
    @Option(help: "Seconds between the routine day's cycles.") var interval = 300.0
    @Flag(help: "Only time the two reports, over the offices a previous run fed (for profiling them).") var reportOnly = false

    func run() async throws {
        let logger = Logger(label: "bench.province")
        let admin = try await ProvinceConnection.connect(try ProvinceURL(adminUrl), logger: logger)
        if reportOnly { return try await timeReports(admin, office: String(format: "X%03d", communes - 1)) }
        try await ProvinceSchema.migrate(admin)
        let store = try InventoryStore(path: db)
        let hours = OfficeHours()
        try stampRollups(store)
        let clock = ContinuousClock()
        var initial: [Double] = []
        var bytes = 0
        var changes = 0
        for index in 0..<communes {
            let code = String(format: "X%03d", index)
            try await ProvinceOffices.add(code: code, name: "Xã \(index)", password: "pw-\(code)", on: admin)
            try resetCursor(store)
            let settings = try settings(code: code, hours: hours)
            let started = clock.now
            let outcome = try await SyncRound.run(store: store, settings: settings, logger: logger)
            initial.append((clock.now - started).seconds)
            if index == 0 { bytes = outcome.bytes; changes = outcome.changes }
        }

        // One routine day: the daemon's cycles for a day, recorded through the real path, then one round.
        let devices = try store.devices(includeRetired: false, includeInternetLinks: true)
        let policy = RecordingPolicy(downAfter: 2, interval: interval, hours: hours)
        let start = Date()
        var t = start
        while t < start.addingTimeInterval(86_400) {
            try store.record(devices.compactMap { d in d.id.map { Observation(deviceId: $0, time: t, up: true, answeredBy: "icmp", rttMs: 0.3) } },
                             policy: policy)
            t += interval
        }
        let last = String(format: "X%03d", communes - 1)
        let routineStarted = clock.now
        let routine = try await SyncRound.run(store: store, settings: try settings(code: last, hours: hours), logger: logger)
        let routineSeconds = (clock.now - routineStarted).seconds

        let period = ReportPeriod.currentHalf(now: Date(), calendar: hours.calendar)
        let reportStarted = clock.now
        let report = try await ProvinceReport.make(on: admin, period: period, now: Date(), staleAfter: 86_400)
        _ = try report.json()
        let reportSeconds = (clock.now - reportStarted).seconds
        let officeStarted = clock.now
        _ = try await ProvinceReport.office(last, on: admin, period: period, now: Date()).json()
        let officeSeconds = (clock.now - officeStarted).seconds
        let size = try await admin.rows("SELECT pg_database_size(current_database())::int8", what: "size")
        let databaseBytes = try size.first?.decode(Int64.self) ?? 0
        await admin.close()

        let sorted = initial.sorted()
        let line: [String: Any] = [
            "communes": communes, "devices": devices.count,
            "initialSyncFirstSeconds": initial.first ?? 0, "initialSyncMedianSeconds": sorted[sorted.count / 2],
            "initialSyncMaxSeconds": sorted.last ?? 0, "initialChanges": changes, "initialPayloadBytes": bytes,
            "routineSeconds": routineSeconds, "routinePayloadBytes": routine.bytes, "routineChanges": routine.changes,
            "routineStateChanges": routine.stateChanges, "routineObservations": routine.observations,
            "provinceReportSeconds": reportSeconds, "officeReportSeconds": officeSeconds, "databaseBytes": databaseBytes,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    private func timeReports(_ admin: ProvinceConnection, office: String) async throws {
        let clock = ContinuousClock(), hours = OfficeHours()
        let period = ReportPeriod.currentHalf(now: Date(), calendar: hours.calendar)
        let reportStarted = clock.now
        _ = try await ProvinceReport.make(on: admin, period: period, now: Date(), staleAfter: 86_400).json()
        let reportSeconds = (clock.now - reportStarted).seconds
        let officeStarted = clock.now
        _ = try await ProvinceReport.office(office, on: admin, period: period, now: Date()).json()
        let officeSeconds = (clock.now - officeStarted).seconds
        await admin.close()
        let line: [String: Any] = ["provinceReportSeconds": reportSeconds, "officeReportSeconds": officeSeconds]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    private func settings(code: String, hours: OfficeHours) throws -> SyncSettings {
        var url = try ProvinceURL(adminUrl)
        url.user = ProvinceOffices.roleName(code: code)
        url.password = "pw-\(code)"
        return SyncSettings(url: url, password: nil,
                            office: CommuneUpload.Office(code: code, name: "Xã \(code)",
                                                         profile: OfficeProfile(reportName: "UBND xã \(code)", hours: hours, readiness: ReadinessFacts())),
                            hours: hours)
    }

    /// `seed` fills rollups with bulk SQL, which the change log does not hear of; a daemon that
    /// had credited them would have stamped one entry per device and day. Stamped here, once.
    private func stampRollups(_ store: InventoryStore) throws {
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO "change" (entity, entityId, day, kind, time)
                SELECT 'availability', d.uuid, a.day, 'credited', datetime('now')
                FROM availabilityDay a JOIN device d ON d.id = a.deviceId ORDER BY d.id, a.day
                """)
        }
    }

    /// Sends the whole database again, as another office.
    private func resetCursor(_ store: InventoryStore) throws {
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: "UPDATE syncState SET acknowledged = 0, stateChangeMark = 0, observationMark = 0 WHERE id = 1")
        }
    }
}
