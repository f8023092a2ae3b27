import ArgumentParser
import Foundation
import GRDB
import Inventory
import KiemkeCore
import Logging
import ProvinceStore
import ProvinceSync

/// `kiemke-bench province-simulate`: issue 18's "1,000 communes syncing every 5 minutes". A
/// seeded commune database is copied `--communes` times (each copy its own office and role),
/// every copy does its initial sync (not timed as steady state), then each wave is one 5-minute
/// cycle of every commune: its observations recorded through `InventoryStore.record` and one real
/// `SyncRound` over its own PostgresNIO connection, all communes started at once with at most
/// `--concurrency` rounds in flight. Time is compressed: a wave starts when the last one ended.
/// Per wave: wall time, round latencies, failures, the backlog left, the server's and the
/// client's CPU seconds and the database's growth. Progress on stderr, one JSON line on stdout.
struct ProvinceSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "province-simulate",
        abstract: "Simulate many communes syncing every 5 minutes against a running PostgreSQL.")

    @Option(help: "The seeded commune database copied for every commune (kiemke-bench seed).") var template: String
    @Option(help: "A folder (must not exist) for the communes' databases.") var dir: String
    @Option(help: "postgres:// URL of the superuser.") var adminUrl: String
    @Option(help: "How many communes.") var communes = 1_000
    @Option(help: "How many waves (one 5-minute cycle and sync round of every commune each).") var waves = 3
    @Option(help: "Most sync rounds in flight at once (each holds one connection).") var concurrency = 100
    @Option(help: "The PostgreSQL postmaster's process id, to count the server's CPU from /proc.") var serverPid: Int32?
    @Option(help: "Seconds of simulated time per wave (the sync and probe interval).") var interval = 300.0

    func validate() throws {
        guard communes > 0, communes <= 9_999 else { throw ValidationError("--communes must be 1...9999") }
        guard waves > 0 else { throw ValidationError("--waves must be positive") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be positive") }
        // Simulated cycles end now and may not start before the template's devices were added (a day ago at most).
        guard Double(waves) * interval < 20 * 3600 else { throw ValidationError("--waves x --interval must be under 20 hours") }
    }

    func run() async throws {
        var logger = Logger(label: "bench.province-simulate")
        logger.logLevel = .info
        let clock = ContinuousClock()
        guard !FileManager.default.fileExists(atPath: dir) else { throw BenchError.badOption("\(dir) exists; remove it first") }
        let admin = try await ProvinceConnection.connect(try ProvinceURL(adminUrl), logger: logger)
        try await ProvinceSchema.migrate(admin)

        // The communes: copies of one template, each its own file, office and role.
        var started = clock.now
        try checkpoint(template)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var stores: [InventoryStore] = []
        for index in 0..<communes {
            let path = "\(dir)/\(code(index)).sqlite"
            try FileManager.default.copyItem(atPath: template, toPath: path)
            // One reader and a small page cache: a thousand stores open in one process.
            stores.append(try InventoryStore(path: path, maximumReaders: 1, pageCacheKiB: 512))
            try await ProvinceOffices.add(code: code(index), name: "Xã mô phỏng \(index + 1)", password: password(index), on: admin)
        }
        let setupSeconds = (clock.now - started).seconds
        let devices = try stores[0].devices(includeRetired: false, includeInternetLinks: true).compactMap(\.id)
        let hours = OfficeHours()
        let policy = RecordingPolicy(downAfter: 2, interval: interval, hours: hours)
        let allSettings = try (0..<communes).map { try settings(index: $0, hours: hours) }
        progress("\(communes) communes of \(devices.count) devices set up in \(format(setupSeconds)) s")

        // Initial sync of every commune: before the steady state, not part of it.
        started = clock.now
        let initial = try await wave(stores: stores, settings: allSettings, logger: logger) { _, _ in }
        let initialSeconds = (clock.now - started).seconds
        let initialBacklog = try backlog(stores)
        progress("initial sync: \(format(initialSeconds)) s, \(initial.failures) failed, backlog \(initialBacklog)")
        if let error = initial.firstError { progress("first initial sync failure: \(error)") }

        var size = try await databaseBytes(admin)
        let startSize = size
        let firstTime = Date().addingTimeInterval(-Double(waves) * interval)
        var lines: [[String: Any]] = []
        for number in 0..<waves {
            let time = firstTime.addingTimeInterval(Double(number) * interval)
            let serverBefore = serverPid.map(ProcessCPU.tree)
            let clientBefore = ProcessCPU.ownSeconds()
            let waveStarted = clock.now
            let result = try await wave(stores: stores, settings: allSettings, logger: logger) { index, store in
                try store.record(cycle(commune: index, devices: devices, wave: number, time: time), policy: policy)
            }
            let wall = (clock.now - waveStarted).seconds
            let client = ProcessCPU.ownSeconds() - clientBefore
            var server: Double?
            if let serverPid, let serverBefore { server = ProcessCPU.tree(serverPid) - serverBefore }
            let left = try backlog(stores)
            let newSize = try await databaseBytes(admin)
            var line: [String: Any] = [
                "wave": number + 1, "wallSeconds": wall, "failures": result.failures,
                "roundP50Ms": result.rounds.percentile(0.5), "roundP99Ms": result.rounds.percentile(0.99),
                "roundMaxMs": result.rounds.percentile(1), "recordP50Ms": result.records.percentile(0.5),
                "backlog": left, "clientCPUSeconds": client, "databaseGrowthBytes": newSize - size,
                "changes": result.changes, "stateChanges": result.stateChanges, "observations": result.observations,
                "payloadBytes": result.bytes, "loadAverage": ProcessCPU.loadAverage(),
            ]
            if let server { line["serverCPUSeconds"] = server }
            if let error = result.firstError { line["firstError"] = error }
            size = newSize
            lines.append(line)
            progress("wave \(number + 1): " + String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
        }
        // (The statistics of backends that just ended reach the collector within a second.)
        try await Task.sleep(for: .seconds(2))
        let final = try await tables(admin)
        // Bytes a row of each table takes (indexes included) once the dead rows the waves' updates
        // left are gone: what a new day's rows add, whatever the (reused) bloat of updating them.
        try await admin.execute("VACUUM FULL ANALYZE", what: "the packing of the tables")
        try await Task.sleep(for: .seconds(2))
        let packed = try await tables(admin)
        await admin.close()

        let perWave = Double(86_400) / interval
        let walls = lines.compactMap { $0["wallSeconds"] as? Double }
        let servers = lines.compactMap { $0["serverCPUSeconds"] as? Double }
        let clients = lines.compactMap { $0["clientCPUSeconds"] as? Double }
        let growth = Double(size - startSize) / Double(waves)
        var summary: [String: Any] = [
            "communes": communes, "devices": devices.count, "waves": waves, "concurrency": concurrency,
            "intervalSeconds": interval, "setupSeconds": setupSeconds, "initialSyncSeconds": initialSeconds,
            "initialFailures": initial.failures, "initialBacklog": initialBacklog,
            "maxWaveSeconds": walls.max() ?? 0, "meanWaveSeconds": walls.reduce(0, +) / Double(max(walls.count, 1)),
            "failures": lines.reduce(0) { $0 + ($1["failures"] as? Int ?? 0) },
            "maxBacklog": lines.map { $0["backlog"] as? Int ?? 0 }.max() ?? 0,
            "clientCPUSecondsPerWave": clients.reduce(0, +) / Double(max(clients.count, 1)),
            "databaseBytesAfterInitial": startSize, "databaseBytes": size,
            "databaseGrowthBytesPerWave": growth, "databaseGrowthBytesPerDay": growth * perWave,
            "waveLines": lines, "tablesAtEnd": final.map(\.json), "tablesPacked": packed.map(\.json),
        ]
        // A new local day adds a row per device in availability_day and observation_day, 24 hours
        // of coverage per office, and the state changes (their rate in the steady waves).
        let steadyChanges = lines.dropFirst().compactMap { $0["stateChanges"] as? Int }
        let changesPerWave = steadyChanges.isEmpty ? 0 : Double(steadyChanges.reduce(0, +)) / Double(steadyChanges.count)
        func perRow(_ name: String) -> Double {
            guard let table = packed.first(where: { $0.name == name }), table.rows > 0 else { return 0 }
            return Double(table.bytes) / Double(table.rows)
        }
        summary["newDayRowsBytesPerDay"] = (perRow("availability_day") + perRow("observation_day")) * Double(communes * devices.count)
            + perRow("hour_coverage") * Double(24 * communes) + perRow("state_change") * changesPerWave * perWave
        if !servers.isEmpty {
            let mean = servers.reduce(0, +) / Double(servers.count)
            summary["serverCPUSecondsPerWave"] = mean
            summary["serverCPUSecondsPerDay"] = mean * perWave
        }
        try JSONLine.print(summary)
    }

    /// What one wave did, over every commune.
    private struct WaveResult {
        var rounds = Timings()
        var records = Timings()
        var failures = 0
        var firstError: String?
        var changes = 0, stateChanges = 0, observations = 0, bytes = 0
    }

    /// One commune's part of a wave.
    private struct CommuneResult: Sendable {
        var record: Duration
        var round: Duration
        var outcome: SyncRound.Outcome?
        var error: String?
    }

    /// Every commune does `prepare` (its cycle) then one sync round, at most `concurrency` at a time.
    private func wave(stores: [InventoryStore], settings: [SyncSettings], logger: Logger,
                      prepare: @escaping @Sendable (Int, InventoryStore) throws -> Void) async throws -> WaveResult {
        var result = WaveResult()
        try await withThrowingTaskGroup(of: CommuneResult.self) { group in
            var next = 0
            func start() {
                let index = next, store = stores[next], setting = settings[next]
                next += 1
                group.addTask {
                    let clock = ContinuousClock()
                    let started = clock.now
                    try prepare(index, store)
                    let recorded = clock.now
                    do {
                        let outcome = try await SyncRound.run(store: store, settings: setting, logger: logger)
                        return CommuneResult(record: recorded - started, round: clock.now - recorded, outcome: outcome)
                    } catch {
                        return CommuneResult(record: recorded - started, round: clock.now - recorded, error: "\(setting.office.code): \(error)")
                    }
                }
            }
            while next < min(concurrency, stores.count) { start() }
            while let one = try await group.next() {
                result.records.add(one.record)
                result.rounds.add(one.round)
                if let outcome = one.outcome {
                    result.changes += outcome.changes
                    result.stateChanges += outcome.stateChanges
                    result.observations += outcome.observations
                    result.bytes += outcome.bytes
                } else {
                    result.failures += 1
                    if result.firstError == nil { result.firstError = one.error }
                }
                if next < stores.count { start() }
            }
        }
        return result
    }

    /// One probe cycle of a commune: every device answers but for the odd lost cycle, different
    /// per commune and wave (a hash of both), so state changes happen now and then.
    private func cycle(commune: Int, devices: [Int64], wave: Int, time: Date) -> [Observation] {
        var random = SplitMix64(seed: UInt64(commune) &* 0x1_0000_0001 &+ UInt64(wave) &* 0x9E37_79B9)
        return devices.map { id in
            if random.next() % 100 == 0 { return Observation(deviceId: id, time: time, up: false, error: "timeout") }
            return Observation(deviceId: id, time: time, up: true, answeredBy: "icmp", rttMs: 0.3 + Double(random.next() % 2700) / 1000)
        }
    }

    /// Change-log entries, state changes and observations no commune has had acknowledged.
    private func backlog(_ stores: [InventoryStore]) throws -> Int {
        try stores.reduce(0) { sum, store in
            let status = try store.syncStatus()
            return sum + status.pendingChanges + status.pendingStateChanges + status.pendingObservations
        }
    }

    /// One table's size: live and dead rows, bytes with its indexes and TOAST.
    private struct TableSize {
        var name: String
        var rows: Int64
        var dead: Int64
        var bytes: Int64
        var json: [String: Any] { ["name": name, "rows": rows, "deadRows": dead, "bytes": bytes] }
    }

    /// The province's tables as PostgreSQL's statistics count them (live rows: inserts less deletes).
    private func tables(_ admin: ProvinceConnection) async throws -> [TableSize] {
        let rows = try await admin.rows("""
            SELECT relname::text, n_live_tup::int8, n_dead_tup::int8, pg_total_relation_size(relid)::int8
            FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname
            """, what: "the tables' sizes")
        return try rows.map { row in
            let (name, live, dead, bytes) = try row.decode((String, Int64, Int64, Int64).self)
            return TableSize(name: name, rows: live, dead: dead, bytes: bytes)
        }
    }

    private func databaseBytes(_ admin: ProvinceConnection) async throws -> Int64 {
        let rows = try await admin.rows("SELECT pg_database_size(current_database())::int8", what: "the database size")
        return try rows.first?.decode(Int64.self) ?? 0
    }

    /// Folds the template's WAL into its main file, so a plain copy of that file is the whole database.
    private func checkpoint(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    private func code(_ index: Int) -> String { String(format: "SIM%04d", index) }
    private func password(_ index: Int) -> String { "pw-\(code(index))" }

    private func settings(index: Int, hours: OfficeHours) throws -> SyncSettings {
        var url = try ProvinceURL(adminUrl)
        url.user = ProvinceOffices.roleName(code: code(index))
        url.password = password(index)
        return SyncSettings(url: url, password: nil,
                            office: CommuneUpload.Office(code: code(index), name: "Xã mô phỏng \(index + 1)",
                                                         profile: OfficeProfile(reportName: "UBND xã mô phỏng \(index + 1)",
                                                                                hours: hours, readiness: ReadinessFacts())),
                            hours: hours)
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("province-simulate: \(text)\n".utf8))
    }

    private func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
}
