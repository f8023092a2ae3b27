import Foundation
import Inventory
import Logging

/// The status page's tables, kept per view (language, filters, sort) so that fifty browsers
/// refreshing the page do not each read and render 1,000 devices. Only the part that is the same
/// for every reader is kept (`StatusTable`); the login, the form token and the notice are added
/// per request, so one reader's session never shows in another's page.
///
/// How fresh: a table is rebuilt when it is `expiry` old (10 s), when the store's change log
/// moved and the table is `reuse` old (2 s: the daemon records probes all through a cycle, and
/// rebuilding on each would cost a core), and at once when a person's change landed (a mark or
/// a device's fields, from the page or from `kiemke mark`) or the page itself wrote something.
/// Readers asking for a view being built wait for that build rather than starting their own.
actor StatusPageCache {
    private struct Entry {
        var table: StatusTable
        var built: ContinuousClock.Instant
        /// The change log's newest sequence when the build started.
        var sequence: Int64
        /// Up to where the log was found to hold only polling's changes.
        var checked: Int64
    }

    private let store: InventoryStore
    private let reuse: Duration
    private let expiry: Duration
    private let capacity: Int
    private let logger: Logger
    private var entries: [StatusTable.View: Entry] = [:]
    private var building: [StatusTable.View: Task<Entry, any Error>] = [:]
    /// Moves on `invalidate()`: a build that started before it is handed out but not kept.
    private var generation = 0

    init(store: InventoryStore, reuse: Duration = .seconds(2), expiry: Duration = .seconds(10), capacity: Int = 16,
         logger: Logger) {
        self.store = store
        self.reuse = reuse
        self.expiry = expiry
        self.capacity = capacity
        self.logger = logger
    }

    /// The table for `view`: the kept one while it is fresh, else one `build` makes (on a
    /// blocking thread; it reads the store).
    func table(_ view: StatusTable.View, build: @escaping @Sendable () throws -> StatusTable) async throws -> StatusTable {
        if let entry = entries[view], ContinuousClock.now - entry.built < expiry, try await isCurrent(entry, view: view) {
            return entry.table
        }
        if let running = building[view] { return try await running.value.table }
        let store = self.store, started = generation
        let task = Task {
            try await Blocking.run {
                // The sequence before the read: a change landing during the build moves past it,
                // so the next reader rebuilds rather than keeping a table that missed it.
                let sequence = try store.latestChangeSequence()
                return Entry(table: try build(), built: .now, sequence: sequence, checked: sequence)
            }
        }
        building[view] = task
        defer { if building[view] == task { building[view] = nil } }
        let entry = try await task.value
        if generation == started { keep(entry, for: view) }
        return entry.table
    }

    /// Drops every kept table: the page itself changed something (a mark, an edit, an import).
    func invalidate() {
        entries.removeAll()
        building.removeAll()
        generation += 1
    }

    /// Whether `entry` may still be shown: nothing changed since it was built; or it is younger
    /// than `reuse` and what changed since is only polling's (observations, availability).
    private func isCurrent(_ entry: Entry, view: StatusTable.View) async throws -> Bool {
        let store = self.store, young = ContinuousClock.now - entry.built < reuse, checked = entry.checked
        let (current, latest) = try await Blocking.run { () throws -> (Bool, Int64) in
            let latest = try store.latestChangeSequence()
            if latest == checked { return (true, latest) }
            guard young else { return (false, latest) }
            let changes = try store.changes(since: checked, limit: 500)
            let byPerson = changes.contains { $0.entity == .device || $0.entity == .marks }
            // Read up to the last change seen, not `latest`: more may lie past the limit.
            return (!byPerson, changes.last?.sequence ?? latest)
        }
        if current, entries[view]?.built == entry.built { entries[view]?.checked = latest }
        if !current { logger.trace("status page rebuilt: the store changed", metadata: ["sequence": "\(latest)"]) }
        return current
    }

    private func keep(_ entry: Entry, for view: StatusTable.View) {
        let now = ContinuousClock.now
        entries = entries.filter { now - $0.value.built < expiry }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.built < $1.value.built })?.key {
            entries[oldest] = nil
        }
        entries[view] = entry
    }
}
