import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the daemon puts the observations it could not write when it stops (disk full, file
/// deleted), and reads them back at its next start: `<database>.spill`, one JSON object a line,
/// mode 0600.
///
/// A line names its device by `uuid`, not by the database's row id, so that it is written into
/// whatever file is the database at the next start (a restored backup has the same devices).
/// On a full disk there may be no room for the file: `reserveSpace` keeps a few megabytes
/// (`<database>.spill-reserve`) that `write` frees first.
public struct ObservationSpill: Sendable {
    /// The spill file.
    public let path: String
    /// The space kept for it.
    public let reservePath: String

    /// Lines longer than this are not an observation kiemke wrote; they are skipped, not decoded.
    static let maximumLineBytes = 1 << 20
    /// The space `reserveSpace` keeps by default.
    public static let defaultReserve = 4 << 20

    /// The spill file of the database at `databasePath`.
    public init(databasePath: String) {
        path = databasePath + ".spill"
        reservePath = databasePath + ".spill-reserve"
    }

    /// What `read` found.
    public struct Contents: Sendable {
        public var observations: [HeldObservation] = []
        /// Lines that are not a whole observation (a stop cut short, a hand edit), by number.
        public var badLines: [Int] = []
    }

    /// What `write` managed.
    public struct Outcome: Sendable, Equatable {
        /// Observations in the file.
        public var written: Int
        /// Observations that did not fit (or the file could not be made), lost.
        public var lost: Int
        /// Why some were lost.
        public var error: String?
    }

    /// Whether there is a spill file to import.
    public var exists: Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Reads the spill file; observations have `deviceId` 0 until the caller resolves `deviceUUID`.
    public func read() throws -> Contents {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw SpillError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw SpillError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var contents = Contents()
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            guard line.count <= Self.maximumLineBytes,
                  let entry = try? decoder.decode(Line.self, from: Data(line)),
                  let held = entry.held() else {
                contents.badLines.append(index + 1)
                continue
            }
            contents.observations.append(held)
        }
        return contents
    }

    /// Writes `held` (in order) to a new spill file, replacing any earlier one, whose lines the
    /// caller holds too (it read them at start). Frees the reserve first. What does not fit is
    /// counted as lost; the file keeps only whole lines.
    public func write(_ held: [HeldObservation]) -> Outcome {
        unlink(reservePath)
        unlink(path)
        guard !held.isEmpty else { return Outcome(written: 0, lost: 0) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            return Outcome(written: 0, lost: held.count, error: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var written = 0
        var offset: off_t = 0
        var failure: String?
        for observation in held {
            guard var line = try? encoder.encode(Line(observation)) else { continue }
            line.append(UInt8(ascii: "\n"))
            if let problem = Self.writeAll(fd, line) {
                failure = problem
                break
            }
            offset += off_t(line.count)
            written += 1
        }
        if failure != nil {
            // A cut line would be reported as bad at import; keep only whole ones.
            ftruncate(fd, offset)
        }
        if fsync(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        return Outcome(written: written, lost: held.count - written, error: failure)
    }

    /// Removes the spill file once what it held is in the database.
    public func remove() {
        unlink(path)
    }

    /// Keeps `bytes` of disk for a later `write`; returns whether the space is kept. Best effort:
    /// on a disk too small for it nothing is kept and nothing is left behind.
    @discardableResult
    public func reserveSpace(bytes: Int = defaultReserve) -> Bool {
        var info = stat()
        if stat(reservePath, &info) == 0, Int(info.st_size) >= bytes { return true }
        let fd = open(reservePath, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        fchmod(fd, 0o600)
        // posix_fallocate returns the error rather than setting errno.
        if posix_fallocate(fd, 0, off_t(bytes)) != 0 {
            unlink(reservePath)
            return false
        }
        return true
    }

    private static func writeAll(_ fd: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            var done = 0
            while done < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                done += count
            }
            return nil
        }
    }

    /// One line of the file.
    struct Line: Codable {
        var device: String
        /// Seconds since 1970, exactly as held (JSON keeps a Double's every digit).
        var time: Double
        var up: Bool
        var answeredBy: String
        var rttMs: Double?
        var error: String?
        /// The facts in the store's own format (`StoredFacts`).
        var facts: String?

        enum CodingKeys: String, CodingKey {
            case device, time, up, answeredBy = "answered_by", rttMs = "rtt_ms", error, facts
        }

        init(_ held: HeldObservation) {
            let observation = held.observation
            device = held.deviceUUID.uuidString
            time = observation.time.timeIntervalSince1970
            up = observation.up
            answeredBy = observation.answeredBy
            rttMs = observation.rttMs
            error = observation.error
            facts = try? StoredFacts.json(observation.facts)
        }

        func held() -> HeldObservation? {
            guard let uuid = UUID(uuidString: device), time.isFinite else { return nil }
            var observation = Observation(deviceId: 0, time: Date(timeIntervalSince1970: time), up: up,
                                          answeredBy: answeredBy, rttMs: rttMs, error: error,
                                          facts: StoredFacts.deviceFacts(json: facts, deviceId: 0))
            // Exactly the time held, not floored again: a repeated import finds the row already written.
            observation.time = Date(timeIntervalSince1970: time)
            return HeldObservation(deviceUUID: uuid, observation: observation)
        }
    }
}
