/// What one device read may take: a total deadline, and caps on rows, strings and stored facts, so a slow
/// or hostile device can neither hold the batch it is in nor fill memory or the database.
public struct ReadLimits: Sendable, Equatable {
    /// The whole read, from the session's opening to the last answer (config `probe.read_deadline`).
    public var deadline: Duration
    /// Rows kept per table column; a longer table is cut there and the facts say so.
    public var maxRowsPerTable: Int
    /// Bytes kept per string (OCTET STRING); longer ones are cut and the facts say so.
    public var maxStringBytes: Int
    /// Bytes of facts kept per observation (as JSON): rows are dropped from the longest lists to fit.
    public var maxFactsBytes: Int
    /// Bytes of raw answers kept per MIB walk, whatever the rows hold.
    public var maxWalkBytes: Int

    /// Limits for one read; the defaults are what an office device never comes near.
    public init(deadline: Duration = ReadLimits.defaultDeadline, maxRowsPerTable: Int = 10_000,
                maxStringBytes: Int = 4_096, maxFactsBytes: Int = 65_536, maxWalkBytes: Int = 8 << 20) {
        // Bounded here too (the config bounds it first): an instant an hour away and beyond is no deadline,
        // and a huge one would overflow the clock arithmetic.
        self.deadline = deadline > .zero ? min(deadline, ReadLimits.maxDeadline) : ReadLimits.defaultDeadline
        self.maxRowsPerTable = max(1, maxRowsPerTable)
        self.maxStringBytes = max(1, maxStringBytes)
        self.maxFactsBytes = max(1_024, maxFactsBytes)
        self.maxWalkBytes = max(1_024, maxWalkBytes)
    }

    /// The longest deadline a read accepts.
    public static let maxDeadline: Duration = .seconds(3_600)

    /// 10 seconds: a healthy device is read in well under one.
    public static let defaultDeadline: Duration = .seconds(10)

    /// 10 s, 10,000 rows per table, 4 KB per string, 64 KB of facts, 8 MB per walk.
    public static let standard = ReadLimits()

    /// The limits of each walk of a read.
    var walk: WalkLimits {
        WalkLimits(maxRowsPerColumn: maxRowsPerTable, maxValueBytes: maxStringBytes, maxTotalBytes: maxWalkBytes)
    }
}
