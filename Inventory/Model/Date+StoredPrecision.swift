import Foundation

extension Date {
    /// The date floored to the millisecond that SQLite keeps, so that a value read back from the
    /// store is never later than the one written (and "created before now" stays true).
    var storedPrecision: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
