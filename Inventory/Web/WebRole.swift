/// What a web account may change: a clerk marks conditions; an admin also imports, adds, edits
/// and retires devices.
public enum WebRole: String, Sendable, CaseIterable, Codable {
    case clerk, admin

    /// Whether this role may do what `needed` may.
    public func allows(_ needed: WebRole) -> Bool {
        self == .admin || needed == .clerk
    }
}
