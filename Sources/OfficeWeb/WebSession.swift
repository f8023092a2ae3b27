import Foundation
import Inventory

/// One login: who, with which role, the form token its pages carry, and when it lapses.
struct WebSession: Sendable {
    var user: String
    var role: WebRole
    /// The CSRF token every form of this session carries as `csrf_token`.
    var csrfToken: String
    var expires: Date
}
