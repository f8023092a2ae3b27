import Foundation
import Testing

/// The package's real target graph, as `swift package dump-package` reports it.
struct TargetGraph {
    var dependencies: [String: [String]]

    init(packageRoot: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A scratch path of its own: the running `swift test` holds the lock on .build, and
        // dump-package only reads the manifest (it creates nothing there).
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kiemke-graph-\(getpid())")
        process.arguments = ["swift", "package", "--package-path", packageRoot.path, "--scratch-path", scratch.path,
                             "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Never hang the test run: a manifest dump takes under a second.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel(); try? FileManager.default.removeItem(at: scratch) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let targets = json["targets"] as? [[String: Any]] else {
            throw GraphError.unreadable(status: process.terminationStatus)
        }
        var dependencies: [String: [String]] = [:]
        for target in targets {
            guard let name = target["name"] as? String else { continue }
            let deps = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dep -> String? in
                // {"byName": ["X", null]}, {"target": ["X", null]} or {"product": ["P", "package", ...]}
                for key in ["byName", "target"] {
                    if let entry = dep[key] as? [Any], let first = entry.first as? String { return first }
                }
                if let entry = dep["product"] as? [Any], entry.count > 1, let product = entry[0] as? String,
                   let package = entry[1] as? String { return "\(package)/\(product)" }
                return nil
            }
            dependencies[name] = deps
        }
        self.dependencies = dependencies
    }

    /// Every target and product `target` reaches, itself excluded.
    func closure(of target: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = dependencies[target] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack += dependencies[next] ?? [] }
        }
        return seen
    }

    enum GraphError: Error { case unreadable(status: Int32) }
}

@Suite("Module graph: the store and the report do not link net-snmp; the probes do not link SQLite")
struct ModuleGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("layers, not a chain")
    func layers() throws {
        let graph = try TargetGraph(packageRoot: Self.root)
        #expect(graph.closure(of: "KiemkeCore").isEmpty, "the vocabulary is a leaf")
        let inventory = graph.closure(of: "Inventory")
        #expect(!inventory.contains("CNetSNMP") && !inventory.contains("Probes"), "Inventory reaches \(inventory.sorted())")
        let inventoryTests = graph.closure(of: "InventoryTests")
        #expect(!inventoryTests.contains("CNetSNMP") && !inventoryTests.contains("Probes"),
                "InventoryTests reaches \(inventoryTests.sorted())")
        let probes = graph.closure(of: "Probes")
        #expect(!probes.contains("Inventory") && !probes.contains { $0.hasPrefix("GRDB") }, "Probes reaches \(probes.sorted())")
        #expect(graph.closure(of: "Agent").isSuperset(of: ["Probes", "Inventory", "KiemkeCore"]))
    }
}
