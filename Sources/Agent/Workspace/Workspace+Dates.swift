import Foundation
import Inventory

extension Workspace {
    /// Reads a date typed for `option` (`--at`, `--since`) in the office's time zone; a
    /// malformed, impossible or future date is an input error naming the option and the value.
    public func pastDate(_ text: String, option: String, now: Date) throws(InputError) -> Date {
        do {
            return try OfficeDate.parse(text, timeZone: timeZone, notAfter: now)
        } catch {
            throw InputError("\(option): \(error.description)", vi: "\(option): \(error.vietnamese)")
        }
    }
}
