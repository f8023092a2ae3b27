/// What the hostile agent serves: fixed objects, generated table columns (as long as wanted, or endless),
/// and columns that never advance; answered as GET, GETNEXT and GETBULK.
public struct HostileMIB: Sendable {
    public typealias Value = HostileBER.Value

    /// A generated column: rows `column.1` to `column.rows` (nil: endless), each with `value(row)`.
    public struct Column: Sendable {
        public var column: [UInt]
        public var rows: UInt?
        public var value: @Sendable (UInt) -> Value

        public init(_ column: [UInt], rows: UInt?, value: @escaping @Sendable (UInt) -> Value) {
            self.column = column
            self.rows = rows
            self.value = value
        }
    }

    private var keys: [[UInt]]
    private var values: [[UInt]: Value]
    public var columns: [Column]
    /// Columns whose GETNEXT answers the OID asked again (or the first row for the column itself).
    public var nonAdvancing: [[UInt]]

    public init(_ entries: [([UInt], Value)] = [], columns: [Column] = [], nonAdvancing: [[UInt]] = []) {
        var values: [[UInt]: Value] = [:]
        for (oid, value) in entries { values[oid] = value }
        self.values = values
        keys = values.keys.sorted { $0.lexicographicallyPrecedes($1) }
        self.columns = columns
        self.nonAdvancing = nonAdvancing
    }

    /// A copy with `oid` set to `value` (added when new).
    public func setting(_ oid: [UInt], to value: Value) -> HostileMIB {
        var copy = self
        if copy.values[oid] == nil {
            copy.keys.append(oid)
            copy.keys.sort { $0.lexicographicallyPrecedes($1) }
        }
        copy.values[oid] = value
        return copy
    }

    public func get(_ oid: [UInt]) -> Value? {
        if let value = values[oid] { return value }
        for c in columns where oid.count == c.column.count + 1 && oid.starts(with: c.column) {
            let row = oid[c.column.count]
            if row >= 1, c.rows.map({ row <= $0 }) ?? true { return c.value(row) }
        }
        return nil
    }

    public func next(after oid: [UInt]) -> ([UInt], Value)? {
        for column in nonAdvancing where oid.starts(with: column) || column.starts(with: oid) || oid.lexicographicallyPrecedes(column) {
            if oid.starts(with: column), oid.count > column.count { return (oid, .integer(1)) }
            if oid.lexicographicallyPrecedes(column + [1]) { return (column + [1], .integer(1)) }
        }
        var best: ([UInt], Value)?
        func offer(_ candidate: [UInt], _ value: Value) {
            if best == nil || candidate.lexicographicallyPrecedes(best!.0) { best = (candidate, value) }
        }
        if let key = keys.first(where: { oid.lexicographicallyPrecedes($0) }), let value = values[key] { offer(key, value) }
        for c in columns {
            var row: UInt
            if oid.lexicographicallyPrecedes(c.column + [1]) {
                row = 1
            } else if oid.starts(with: c.column), oid.count > c.column.count {
                let current = oid[c.column.count]
                guard current < UInt.max else { continue }
                row = current + 1
            } else {
                continue
            }
            if let rows = c.rows, row > rows { continue }
            offer(c.column + [row], c.value(row))
        }
        return best
    }

    /// The Response to `request`, with at most about `maxBytes` of variables for a GETBULK.
    public func respond(to request: HostileBER.Request, maxBytes: Int = 16_000) -> [UInt8] {
        var binds: [([UInt], Value)] = []
        if request.isGet {
            binds = request.oids.map { ($0, get($0) ?? .noSuchObject) }
        } else if request.isGetNext {
            binds = request.oids.map { next(after: $0) ?? ($0, .endOfMibView) }
        } else if request.isGetBulk {
            let nonRepeaters = Int(max(0, min(request.field2, Int64(request.oids.count))))
            let repetitions = Int(max(0, min(request.field3, 1_000)))
            for oid in request.oids.prefix(nonRepeaters) { binds.append(next(after: oid) ?? (oid, .endOfMibView)) }
            var cursors = Array(request.oids.dropFirst(nonRepeaters))
            var size = 0
            rounds: for _ in 0..<repetitions {
                for (i, cursor) in cursors.enumerated() {
                    let bind = next(after: cursor) ?? (cursor, .endOfMibView)
                    size += bind.0.count * 2 + bind.1.encoded.count + 4
                    if size > maxBytes, !binds.isEmpty { break rounds }
                    binds.append(bind)
                    cursors[i] = bind.0
                }
            }
        }
        return HostileBER.response(version: request.version, community: request.community,
                                   requestID: request.requestID, binds: binds)
    }
}
