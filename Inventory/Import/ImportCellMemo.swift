/// What a column's cells were read as, kept by their text: a device list repeats the same few
/// kinds, conditions, schedules and dates on every row, and reading one (`NameKey.loose` through
/// Foundation's normalisation, a calendar for a date) costs far more than looking it up. A
/// 200,000-row import spent 40% of its time reading "camera" 200,000 times.
///
/// At most `limit` texts are kept, so a file of all-different cells costs no more than one
/// read per cell and memory that does not grow with it.
struct ImportCellMemo<Value> {
    private var known: [String: Value] = [:]
    private let limit: Int

    init(limit: Int = 4_096) {
        self.limit = limit
    }

    /// What `read` gives for `text`, read once per distinct text.
    mutating func value(for text: String, _ read: (String) -> Value) -> Value {
        if let value = known[text] { return value }
        let value = read(text)
        if known.count < limit { known[text] = value }
        return value
    }
}
