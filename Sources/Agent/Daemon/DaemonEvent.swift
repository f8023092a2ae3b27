import Foundation
import Inventory
import KiemkeCore

/// Something the daemon's services did that its operator may want to know.
///
/// The services report these instead of writing operator-facing log lines; the executable
/// decides which reach the journal and at what level, and tests assert on them as data.
public enum DaemonEvent: Sendable, Equatable {
    /// The polling loop started, with the settings it polls by.
    case started(database: String, interval: Duration, timeout: Duration, downAfter: Int)
    /// SIGHUP: the config file was read again and is in force.
    case configReloaded
    /// SIGHUP: the config file is invalid; the previous one stays in force.
    case configRejected(error: String)
    /// The device list could not be read; the previous one is polled.
    case deviceListUnreadable(error: String)
    /// Devices asking for SNMPv3 while no v3 user is configured; they are probed without SNMP.
    case missingCredentials(devices: [String])
    /// A probe method cannot be used at all (no ICMP permission, no SNMP engine); devices are polled without it.
    case probeUnavailable(method: String, reason: String)
    /// A device's up/down/off state changed (`from` is nil for its first state).
    case stateChanged(device: String, from: ProbeState?, to: ProbeState, reason: String)
    /// One polling interval's totals.
    case cycle(CycleTotals)
    /// The database file is gone; results are held in memory.
    case databaseDeleted(path: String, held: Int)
    /// Results could not be written; they are held in memory and retried.
    case writeFailed(path: String, error: String, held: Int)
    /// The database file was replaced (a restored backup) and the new one opened; the results
    /// held in memory go there, except those of devices it does not have.
    case databaseReopened(path: String, held: Int, unmatched: Int)
    /// Writing works again; the results held in memory were written.
    case writeRecovered(path: String, written: Int)
    /// Too many unwritten results: the oldest were dropped.
    case observationsDropped(count: Int)
    /// Raw observations older than the retention period were removed.
    case pruned(removed: Int, olderThanDays: Int)
    /// Removing old raw observations failed; it is tried again later.
    case pruneFailed(error: String)
    /// At start: the results the last stop could not write were read from the spill file; those
    /// of devices no longer in the database, and unreadable lines, are left out.
    case spillLoaded(path: String, observations: Int, unmatched: Int, badLines: Int)
    /// The results from the spill file are in the database; the file was removed.
    case spillImported(path: String)
    /// The spill file exists but cannot be read; it is left in place.
    case spillUnreadable(path: String, error: String)
    /// At stop: results that could not be written were saved to the spill file (`lost` did not fit).
    case spilled(path: String, observations: Int, lost: Int, error: String?)
    /// A silent device answered at another address with the same serial or MAC: it was moved there and no outage counted.
    case addressChanged(device: String, from: String, to: String, evidence: String)
    /// A device's identity evidence points at more than one place (`device` nil when a scheduled sweep found it): nothing moved.
    case identityConflict(device: String?, conflict: IdentityConflictSighting)
    /// A scheduled sweep of `[discovery] networks` ended: `new` devices not in the list.
    case sweepFinished(swept: Int, found: Int, new: Int, seconds: Double)
    /// A scheduled sweep could not run or its results could not be written; it runs again at the next interval.
    case sweepFailed(error: String)
    /// The polling loop stopped (graceful shutdown): `unwritten` results were not written to the
    /// database, of which `spilled` are in the spill file for the next start.
    case stopped(unwritten: Int, spilled: Int)

    /// What one polling interval did, for the periodic "cycle" line.
    public struct CycleTotals: Sendable, Equatable {
        public var devices: Int
        public var probes: Int
        public var up: Int
        public var down: Int
        public var off: Int
        public var probing: Duration
        /// Devices with no network address, which are not probed.
        public var unprobeable: Int
    }
}

/// Where the daemon's services report their events.
public typealias DaemonEventSink = @Sendable (DaemonEvent) -> Void
