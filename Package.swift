// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kiemke",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kiemke", targets: ["kiemke"]),
        .library(name: "Probes", targets: ["Probes"]),
        .library(name: "Inventory", targets: ["Inventory"]),
        .library(name: "Agent", targets: ["Agent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // net-snmp's C library (Debian: libsnmp-dev), reached through a small shim header.
        .systemLibrary(
            name: "CNetSNMP",
            path: "Sources/CNetSNMP",
            pkgConfig: "netsnmp",
            providers: [.apt(["libsnmp-dev"])]
        ),
        // Ping, TCP and SNMP probes, device readers and classification. Knows nothing of SQLite.
        .target(
            name: "Probes",
            dependencies: [
                "CNetSNMP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Probes"
        ),
        // The SQLite store: devices, marks, observations, availability, the report.
        .target(
            name: "Inventory",
            dependencies: [
                "Probes",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Inventory"
        ),
        // What joins probes and store: the daemon's scheduler and the commands' logic.
        .target(
            name: "Agent",
            dependencies: [
                "Probes",
                "Inventory",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Agent"
        ),
        .executableTarget(
            name: "kiemke",
            dependencies: [
                "Agent",
                "Probes",
                "Inventory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/kiemke"
        ),
        // Benchmark driver (bench/run): data generation and in-process timings; not run by CI.
        .executableTarget(
            name: "kiemke-bench",
            dependencies: [
                "Agent",
                "Probes",
                "Inventory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/Sources/kiemke-bench"
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Probes", "Inventory"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "ProbesTests", dependencies: ["Probes", "TestSupport"], path: "Tests/ProbesTests"),
        .testTarget(
            name: "InventoryTests", dependencies: ["Inventory", "TestSupport"], path: "Tests/InventoryTests",
            // Expected outputs, read by path (GoldenFile), not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(name: "AgentTests", dependencies: ["Agent", "TestSupport"], path: "Tests/AgentTests"),
        .testTarget(
            name: "CLITests",
            dependencies: ["TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/CLITests"
        ),
    ]
)
