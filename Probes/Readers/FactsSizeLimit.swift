import Foundation
import KiemkeCore

/// Keeps the facts of one observation under a size as stored (JSON): rows are dropped from the list that
/// takes the most room, halving it until the whole fits, and a note says what was dropped.
enum FactsSizeLimit {
    /// `facts` as they are when they fit in `maxBytes`, else with rows dropped and a note saying how many.
    ///
    /// A few encodings, not one per row: the longest lists are cut to a common size (water-filling) from
    /// their measured bytes, then, should rows differ in size, the largest list is halved until it fits.
    static func fit(_ facts: DeviceFacts, maxBytes: Int) -> DeviceFacts {
        guard let size = encodedSize(facts), size > maxBytes else { return facts }
        var fitted = facts
        // Room for the note that will say what was dropped.
        let budget = maxBytes - 512
        var dropped: [String: Int] = [:]
        func keep(_ list: List, _ count: Int) {
            let before = list.count(fitted)
            guard count < before else { return }
            dropped[list.rawValue, default: 0] += before - count
            list.keep(count, of: &fitted)
        }
        let lists = List.allCases.map { (list: $0, count: $0.count(fitted), bytes: $0.bytes(fitted)) }
        let inLists = lists.reduce(0) { $0 + $1.bytes }
        let allowed = max(0, budget - (size - inLists))
        let level = waterLevel(lists.map(\.bytes), allowed: allowed)
        for entry in lists where entry.bytes > level && entry.bytes > 0 {
            keep(entry.list, Int(Double(entry.count) * Double(level) / Double(entry.bytes)))
        }
        var current = encodedSize(fitted) ?? Int.max
        while current > budget {
            let candidates = List.allCases.filter { $0.count(fitted) > 0 }.map { ($0, $0.bytes(fitted)) }
            guard let (largest, _) = candidates.max(by: { $0.1 < $1.1 }) else { break }
            keep(largest, largest.count(fitted) / 2)
            guard let measured = encodedSize(fitted) else { break }
            current = measured
        }
        if current > budget {
            // Only single fields are left, each already cut to the string limit: keep the essentials.
            fitted.system.description = fitted.system.description.map { String($0.prefix(1_024)) }
            fitted.system.contact = nil
            fitted.system.location = fitted.system.location.map { String($0.prefix(256)) }
            fitted.notes = Array(fitted.notes.prefix(8))
            dropped["system fields", default: 0] += 1
        }
        let what = dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        fitted.notes.append("facts kept under \(maxBytes / 1_024) KB per observation (read limit): dropped \(what)")
        return fitted
    }

    /// The largest level such that the sizes, each cut to at most that level, add up to no more than `allowed`.
    static func waterLevel(_ sizes: [Int], allowed: Int) -> Int {
        let sorted = sizes.sorted()
        var rest = allowed
        for (position, size) in sorted.enumerated() {
            let remaining = sorted.count - position
            if size * remaining > rest { return rest / remaining }
            rest -= size
        }
        return sorted.last ?? 0
    }

    static func encodedSize<T: Encodable>(_ value: T) -> Int? {
        (try? JSONEncoder().encode(value))?.count
    }

    /// The lists of facts rows can be dropped from, with the words the note uses.
    enum List: String, CaseIterable {
        case interfaces, storage = "storage rows", devices = "host devices", supplies
        case processorLoads = "processor loads", conditions, notes

        func count(_ facts: DeviceFacts) -> Int {
            switch self {
            case .interfaces: facts.interfaces.count
            case .storage: facts.storage.count
            case .devices: facts.devices.count
            case .supplies: facts.supplies.count
            case .processorLoads: facts.processorLoads.count
            case .conditions: facts.conditions.count
            case .notes: facts.notes.count
            }
        }

        func bytes(_ facts: DeviceFacts) -> Int {
            let size: Int? = switch self {
            case .interfaces: encodedSize(facts.interfaces)
            case .storage: encodedSize(facts.storage)
            case .devices: encodedSize(facts.devices)
            case .supplies: encodedSize(facts.supplies)
            case .processorLoads: encodedSize(facts.processorLoads)
            case .conditions: encodedSize(facts.conditions)
            case .notes: encodedSize(facts.notes)
            }
            return size ?? 0
        }

        func keep(_ count: Int, of facts: inout DeviceFacts) {
            switch self {
            case .interfaces: facts.interfaces = Array(facts.interfaces.prefix(count))
            case .storage: facts.storage = Array(facts.storage.prefix(count))
            case .devices: facts.devices = Array(facts.devices.prefix(count))
            case .supplies: facts.supplies = Array(facts.supplies.prefix(count))
            case .processorLoads: facts.processorLoads = Array(facts.processorLoads.prefix(count))
            case .conditions: facts.conditions = Array(facts.conditions.prefix(count))
            case .notes: facts.notes = Array(facts.notes.prefix(count))
            }
        }
    }
}
