// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kiemke",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kiemke", targets: ["kiemke"]),
        .library(name: "KiemkeCore", targets: ["KiemkeCore"]),
        .library(name: "Probes", targets: ["Probes"]),
        .library(name: "Inventory", targets: ["Inventory"]),
        .library(name: "Agent", targets: ["Agent"]),
        .library(name: "WordDocument", targets: ["WordDocument"]),
        .library(name: "Discovery", targets: ["Discovery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The shared vocabulary: device kinds, conditions, probe states, addresses, ports, the SNMP
        // version, device facts. A leaf: no C library, no GRDB, so the store and the report can be
        // built without net-snmp and the probes without SQLite.
        .target(
            name: "KiemkeCore",
            path: "Sources/KiemkeCore"
        ),
        // net-snmp's C library (Debian: libsnmp-dev; headers in /usr/include/net-snmp, found on the default
        // include path as `pkg-config --cflags netsnmp` says), with a small C shim: include/CNetSNMP.h, shim.c.
        .target(
            name: "CNetSNMP",
            path: "Sources/CNetSNMP",
            linkerSettings: [.linkedLibrary("netsnmp")]
        ),
        // Ping, TCP and SNMP probes, device readers and classification. Knows nothing of SQLite.
        .target(
            name: "Probes",
            dependencies: [
                "KiemkeCore",
                "CNetSNMP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Probes"
        ),
        // The SQLite store: devices, marks, observations, availability, the report.
        .target(
            name: "Inventory",
            dependencies: [
                "KiemkeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C calls, for binding bulk inserts without boxing each value (ChangeWriter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Inventory"
        ),
        // Sweeping ranges for devices (ICMP, TCP, SNMP through Probes) and proposing them for the inventory.
        // Knows nothing of SQLite: the inventory comes in as `KnownDevice` values.
        .target(
            name: "Discovery",
            dependencies: [
                "KiemkeCore",
                "Probes",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Discovery"
        ),
        // WordprocessingML (.docx) written by hand and zipped: paragraphs, tables, styles, page setup.
        // Knows nothing of devices or reports, so Inventory stays free of ZIP.
        .target(
            name: "WordDocument",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/WordDocument"
        ),
        // The province's PostgreSQL: central schema and its migrations, one role per commune with
        // row-level security, and reading the central copy back into the local report's types.
        .target(
            name: "ProvinceStore",
            dependencies: [
                "KiemkeCore",
                "Inventory",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/ProvinceStore"
        ),
        // The commune side: pushes the store's change log to the province in acknowledged batches.
        .target(
            name: "ProvinceSync",
            dependencies: [
                "KiemkeCore",
                "Inventory",
                "ProvinceStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/ProvinceSync"
        ),
        // What joins probes and store: the daemon's scheduler and the commands' logic.
        .target(
            name: "Agent",
            dependencies: [
                "KiemkeCore",
                "Discovery",
                "Probes",
                "Inventory",
                "WordDocument",
                "ProvinceStore",
                "ProvinceSync",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            path: "Sources/Agent"
        ),
        // The office's web page: status, device pages, marks, reports, the device list, /metrics.
        // Hummingbird application (a Service the daemon's group runs), mustache templates compiled in.
        .target(
            name: "OfficeWeb",
            dependencies: [
                "KiemkeCore",
                "Inventory",
                "Agent",
                "Discovery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/OfficeWeb"
        ),
        .executableTarget(
            name: "kiemke",
            dependencies: [
                "Agent",
                "OfficeWeb",
                "Discovery",
                "KiemkeCore",
                "Probes",
                "Inventory",
                "ProvinceStore",
                "ProvinceSync",
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
                "ProvinceStore",
                "ProvinceSync",
                "KiemkeCore",
                "Probes",
                "Inventory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/Sources/kiemke-bench"
        ),
        // Leak-check driver (scripts/leakcheck-snmp builds it with --sanitize=address): SNMP polls, then shutdown.
        .executableTarget(
            name: "kiemke-leakcheck",
            dependencies: ["Probes"],
            path: "Tests/LeakCheck"
        ),
        .target(
            name: "TestSupport",
            dependencies: [],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "KiemkeCoreTests", dependencies: ["KiemkeCore"], path: "Tests/KiemkeCoreTests"),
        .testTarget(name: "ProbesTests", dependencies: ["KiemkeCore", "Probes", "TestSupport"], path: "Tests/ProbesTests"),
        .testTarget(
            name: "InventoryTests",
            dependencies: ["KiemkeCore", "Inventory", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")], path: "Tests/InventoryTests",
            // Expected outputs, read by path (GoldenFile), not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "WordDocumentTests",
            dependencies: [
                "WordDocument", "Agent", "Inventory", "KiemkeCore", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/WordDocumentTests",
            // read_docx.py is run by path with python-docx, not bundled.
            exclude: ["Scripts"]
        ),
        .testTarget(
            name: "AgentTests",
            dependencies: ["KiemkeCore", "Agent", "Inventory", "Probes", "Discovery", "ProvinceStore", "TestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/AgentTests"
        ),
        .testTarget(name: "DiscoveryTests", dependencies: ["KiemkeCore", "Probes", "Discovery", "TestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/DiscoveryTests"),
        .testTarget(
            name: "ProvinceTests",
            dependencies: ["KiemkeCore", "Inventory", "Agent", "ProvinceStore", "ProvinceSync", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Tests/ProvinceTests"
        ),
        .testTarget(
            name: "OfficeWebTests",
            dependencies: [
                "OfficeWeb", "Agent", "Inventory", "KiemkeCore", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/OfficeWebTests",
            // The Selenium script is run by path with the venv's python, not bundled.
            exclude: ["Scripts"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["KiemkeCore", "Inventory", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/CLITests"
        ),
    ]
)
