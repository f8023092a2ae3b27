import CNetSNMP

/// Starts net-snmp once per process, before any session is opened.
enum NetSNMPLibrary {
    /// Evaluated once (Swift guarantees thread-safe lazy initialisation of globals and statics).
    private static let started: Void = {
        CNetSNMP_init_library("kiemke")
    }()

    /// Makes sure `init_snmp` ran, with MIB loading, config files and persistent state turned off.
    static func start() { _ = started }
}
