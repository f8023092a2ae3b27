/// A value in the database that this binary cannot make sense of.
struct StoredValueError: Error, CustomStringConvertible {
    var table: String
    var column: String
    var value: String

    var description: String {
        "the database holds \"\(value)\" in \(table).\(column), which this kiemke does not know; was it written by a newer one?"
    }
}
