import KiemkeCore
extension SNMPSession {
    /// What a walk read before it ended, and why it stopped early if it did.
    public struct WalkResult: Sendable {
        /// Rows found under each requested column, in the order asked.
        public var columns: [OID: [VarBind]]
        /// The failure that cut the walk short; what was read before it is kept in `columns`.
        public var failure: SNMPError?

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
    /// Never throws: a timeout mid-walk keeps the rows already read and says why in `failure`.
    public func walkColumns(_ roots: [OID]) async -> WalkResult {
        var cursors = roots
        var found = [[VarBind]](repeating: [], count: roots.count)
        var active = Array(roots.indices)
        var repetitionBudget = max(1, settings.maxRepetitions) * 4
        var failure: SNMPError?

        while !active.isEmpty {
            let asked = active.map { cursors[$0] }
            let binds: [VarBind]
            do throws(SNMPError) {
                if settings.version == .v1 {
                    let response = try await send(SNMPRequest(operation: .getNext, oids: asked))
                    if response.errorStatus == .noSuchName, (1...asked.count).contains(response.errorIndex) {
                        // v1 says noSuchName for the column that ran off the end of the MIB.
                        active.remove(at: response.errorIndex - 1)
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
                found[column].append(bind)
                cursors[column] = bind.oid
            }
            active.removeAll { done.contains($0) }
        }
        var columns: [OID: [VarBind]] = [:]
        for (index, root) in roots.enumerated() { columns[root, default: []] += found[index] }
        return WalkResult(columns: columns, failure: failure)
    }
}
