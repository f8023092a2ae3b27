import Agent
import Inventory
import Logging

extension DaemonEvent {
    /// Writes the event to the operator's log (the journal under systemd): a constant message,
    /// the variable parts as metadata, at the level the operator needs it.
    ///
    /// At the default level (notice) the journal shows start and stop, reloads, state changes
    /// and every error; `--log-level info` adds first states, cycles and pruning.
    func log(to logger: Logger) {
        let (level, message, metadata) = entry
        // Device names, errors and paths come from outside; the journal is read on a terminal.
        logger.log(level: level, "\(message)", metadata: metadata.mapValues { .string(TerminalText.escaped("\($0)")) })
    }

    /// The level, message and metadata for this event.
    var entry: (Logger.Level, String, Logger.Metadata) {
        switch self {
        case .started(let database, let interval, let timeout, let downAfter):
            (.notice, "daemon started",
             ["db": "\(database)", "interval": "\(interval)", "timeout": "\(timeout)", "down_after": "\(downAfter)"])
        case .configReloaded:
            (.notice, "config reloaded", [:])
        case .configRejected(let error):
            (.error, "config not reloaded, keeping the previous one", ["error": "\(error)"])
        case .deviceListUnreadable(let error):
            (.error, "cannot read the device list, keeping the previous one", ["error": "\(error)"])
        case .missingCredentials(let devices):
            (.error, "devices have no SNMP credentials (SNMPv3 with no snmp.v3_user, or a community \"@NAME\" the secrets file lacks); they are probed without SNMP until the config gives them",
             ["devices": "\(devices.joined(separator: ","))"])
        case .probeUnavailable(let method, let reason):
            (.error, "a probe method is not available; devices are polled without it", ["method": "\(method)", "error": "\(reason)"])
        case .stateChanged(let device, let from, let to, let reason):
            // A device's first state is news only to someone watching closely; a change is news to everyone.
            (from == nil ? .info : .notice, "device state changed",
             ["device": "\(device)", "from": "\(from?.rawValue ?? "none")", "to": "\(to.rawValue)", "reason": "\(reason)"])
        case .cycle(let totals):
            (.info, "cycle",
             ["devices": "\(totals.devices)", "probes": "\(totals.probes)", "up": "\(totals.up)", "down": "\(totals.down)",
              "off": "\(totals.off)", "probing": "\(totals.probing)", "unprobeable": "\(totals.unprobeable)"])
        case .databaseDeleted(let path, let held):
            (.error, "the database file was deleted; keeping observations in memory. Restore the file, or restart kiemke to start a new database",
             ["db": "\(path)", "held": "\(held)"])
        case .writeFailed(let path, let error, let held):
            (.error, "cannot write to the database; keeping observations in memory and retrying",
             ["db": "\(path)", "error": "\(error)", "held": "\(held)"])
        case .databaseReopened(let path, let held, let unmatched):
            (.notice, "the database file was replaced (a restored backup?); writing to the new file",
             ["db": "\(path)", "held": "\(held)", "unmatched": "\(unmatched)"])
        case .writeRecovered(let path, let written):
            (.notice, "the database is writable again; wrote the observations held in memory",
             ["db": "\(path)", "written": "\(written)"])
        case .observationsDropped(let count):
            (.warning, "dropping the oldest unwritten observations", ["dropped": "\(count)"])
        case .pruned(let removed, let days):
            (.info, "pruned old raw observations", ["removed": "\(removed)", "older_than_days": "\(days)"])
        case .pruneFailed(let error):
            (.warning, "could not prune old observations", ["error": "\(error)"])
        case .spillLoaded(let path, let observations, let unmatched, let badLines):
            (unmatched + badLines > 0 ? .warning : .notice, "writing the results saved at the last stop",
             ["spill": "\(path)", "observations": "\(observations)", "unmatched": "\(unmatched)", "bad_lines": "\(badLines)"])
        case .spillImported(let path):
            (.notice, "the results saved at the last stop are in the database; removed the spill file", ["spill": "\(path)"])
        case .spillUnreadable(let path, let error):
            (.error, "cannot read the results saved at the last stop; the file is left in place",
             ["spill": "\(path)", "error": "\(error)"])
        case .spilled(let path, let observations, let lost, let error):
            (lost > 0 ? .error : .warning, "saved the results that could not be written; the next start writes them",
             ["spill": "\(path)", "observations": "\(observations)", "lost": "\(lost)", "error": "\(error ?? "none")"])
        case .addressChanged(let device, let from, let to, let evidence):
            (.notice, "device answers at a new address; moved it there, no outage counted",
             ["device": "\(device)", "from": "\(from)", "to": "\(to)", "evidence": "\(evidence)"])
        case .identityConflict(let device, let conflict):
            (.warning, "the same MAC or serial answers at more than one place; nothing was moved, see kiemke status",
             ["device": "\(device ?? "none")", "evidence": "\(conflict.evidence.rawValue)", "value": "\(conflict.value)",
              "places": "\(conflict.places.joined(separator: ","))"])
        case .sweepFinished(let swept, let found, let new, let seconds):
            (new > 0 ? .notice : .info, "swept the office's networks",
             ["swept": "\(swept)", "found": "\(found)", "new": "\(new)", "seconds": "\(String(format: "%.1f", seconds))"])
        case .sweepFailed(let error):
            (.warning, "the scheduled sweep failed; it runs again at the next interval", ["error": "\(error)"])
        case .stopped(let unwritten, let spilled):
            (.notice, "daemon stopped", ["unwritten": "\(unwritten)", "spilled": "\(spilled)", "lost": "\(unwritten - spilled)"])
        }
    }
}
