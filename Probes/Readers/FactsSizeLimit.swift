import Foundation
import KiemkeCore

/// Keeps the facts of one observation under a size as stored (JSON): rows are dropped from the list that
/// takes the most room, halving it until the whole fits, and a note says what was dropped.
enum FactsSizeLimit {
    /// `facts` as they are when they fit in `maxBytes`, else with rows dropped and a note saying how many.
    static func fit(_ facts: DeviceFacts, maxBytes: Int) -> DeviceFacts {
        guard let size = encodedSize(facts), size > maxBytes else { return facts }
        var fitted = facts
        // Room for the note that will say what was dropped.
        let budget = maxBytes - 512
        var dropped: [String: Int] = [:]
        var current = size
        while current > budget {
            let lists = List.allCases.filter { $0.count(fitted) > 0 }.map { ($0, $0.bytes(fitted)) }
            guard let (largest, _) = lists.max(by: { $0.1 < $1.1 }) else { break }
            let count = largest.count(fitted)
            let keep = count / 2
            dropped[largest.rawValue, default: 0] += count - keep
            largest.keep(keep, of: &fitted)
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
