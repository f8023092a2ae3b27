import KiemkeCore
extension SNMPSession {
    /// What a walk read before it ended, and why it stopped early if it did.
    public struct WalkResult: Sendable {
        /// Rows found under each requested column, in the order asked.
        public var columns: [OID: [VarBind]]
        /// The failure that cut the walk short; what was read before it is kept in `columns`.
        public var failure: SNMPError?
        /// Columns that had more rows than `WalkLimits.maxRowsPerColumn`: cut there.
        public var cutColumns: [OID] = []
        /// How many values were longer than `WalkLimits.maxValueBytes` and cut.
        public var cutValues = 0
        /// Whether the walk stopped at `WalkLimits.maxTotalBytes`.
        public var reachedByteLimit = false

        /// The variables under one column (empty when the agent has none).
        public subscript(_ column: OID) -> [VarBind] { columns[column] ?? [] }
    }

    /// Walks the subtree under `root` (GETBULK for v2c/v3, GETNEXT for v1).
    public func walk(_ root: OID) async throws(SNMPError) -> [VarBind] {
        let result = await walkColumns([root])
        if let failure = result.failure { throw failure }
        return result[root]
    }

    /// Walks several columns (or subtrees) side by side, each round trip advancing all unfinished ones.
    ///
    /// Never throws: a timeout mid-walk keeps the rows already read and says why in `failure`. `limits`
    /// bound what is kept; together with a deadline (`limited(until:seconds:)`) they bound the walk of a
    /// device whose table never ends.
    public func walkColumns(_ roots: [OID], limits: WalkLimits = .standard) async -> WalkResult {
        var cursors = roots
        var found = [[VarBind]](repeating: [], count: roots.count)
        var active = Array(roots.indices)
        // Clamped: maxRepetitions is a caller's number, and × 4 must not overflow.
        var repetitionBudget = min(max(1, settings.maxRepetitions), 1_000) * 4
        var failure: SNMPError?
        var cutColumns: [OID] = []
        var cutValues = 0
        var bytes = 0
        var reachedByteLimit = false

        walking: while !active.isEmpty {
            let asked = active.map { cursors[$0] }
            let binds: [VarBind]
            do throws(SNMPError) {
                if settings.version == .v1 {
                    let response = try await send(SNMPRequest(operation: .getNext, oids: asked))
                    if response.errorStatus == .noSuchName,
                       let position = Self.position(errorIndex: response.errorIndex, count: active.count) {
                        // v1 says noSuchName for the column that ran off the end of the MIB.
                        active.remove(at: position)
                        continue
                    }
                    guard response.errorStatus == .noError else { throw agentError(response) }
                    binds = response.varBinds
                } else {
                    let repetitions = max(1, min(settings.maxRepetitions, repetitionBudget / active.count))
                    let request = SNMPRequest(operation: .getBulk(nonRepeaters: 0, maxRepetitions: repetitions), oids: asked)
                    let response = try await send(request)
                    if response.errorStatus == .tooBig {
                        // tooBig: ask for fewer rows per round trip.
                        guard repetitions > 1 else { throw SNMPError.tooBig(address: address) }
                        repetitionBudget = max(1, repetitionBudget / 2)
                        continue
                    }
                    guard response.errorStatus == .noError else { throw agentError(response) }
                    binds = response.varBinds
                }
            } catch {
                failure = error
                break
            }
            if binds.isEmpty { break }
            var done = Set<Int>()
            for (position, bind) in binds.enumerated() {
                let column = active[position % active.count]
                if done.contains(column) { continue }
                // Past the subtree, at the end of the MIB, or not advancing (a broken agent): this column is done.
                if bind.value.isException || !bind.oid.isDescendant(of: roots[column]) || bind.oid <= cursors[column] {
                    done.insert(column)
                    continue
                }
                if found[column].count >= limits.maxRowsPerColumn {
                    // One row more than the limit: the table goes on past it.
                    cutColumns.append(roots[column])
                    done.insert(column)
                    continue
                }
                let (value, wasCut) = bind.value.cut(to: limits.maxValueBytes)
                if wasCut { cutValues += 1 }
                let kept = VarBind(oid: bind.oid, value: value)
                bytes += kept.approximateSize
                if bytes > limits.maxTotalBytes {
                    reachedByteLimit = true
                    break walking
                }
                found[column].append(kept)
                cursors[column] = bind.oid
            }
            active.removeAll { done.contains($0) }
        }
        var columns: [OID: [VarBind]] = [:]
        for (index, root) in roots.enumerated() { columns[root, default: []] += found[index] }
        var result = WalkResult(columns: columns, failure: failure)
        result.cutColumns = cutColumns
        result.cutValues = cutValues
        result.reachedByteLimit = reachedByteLimit
        return result
    }
}
