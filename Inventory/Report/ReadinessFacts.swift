/// Facts about the office that no probe can measure, given in the config (`[readiness]`) and
/// stated only when given. Counts, not percentages: the report computes every share itself, so
/// each one carries its numerator and denominator.
public struct ReadinessFacts: Sendable, Equatable {
    /// Cán bộ, công chức of the office: the denominator of "staff with computers" and of official e-mail.
    public var staff: Int?
    public var staffWithOfficialEmail: Int?
    /// Digital signatures (chữ ký số) in use.
    public var digitalSignatures: Int?
    /// The software used for the office's work, in the office's words.
    public var software: [String]
    public var onlineMeetingRoom: Bool?
    /// Computers with security software (firewall, anti-virus), out of the computers counted.
    public var computersWithSecuritySoftware: Int?
    /// Online meetings the authorities above asked for, and how many of them were held.
    public var onlineMeetingsRequested: Int?
    public var onlineMeetingsHeld: Int?
    /// Documents exchanged in the period, and how many of them through the document-management software.
    public var documentsTotal: Int?
    public var documentsInSoftware: Int?
    /// The ISO 9001 version the office applies ("2015"); nil when not stated.
    public var iso9001: String?
    /// Names of the computers set aside for citizens (public online services); counted from the inventory.
    public var publicServiceComputers: [String]

    public init(staff: Int? = nil, staffWithOfficialEmail: Int? = nil, digitalSignatures: Int? = nil,
                software: [String] = [], onlineMeetingRoom: Bool? = nil, computersWithSecuritySoftware: Int? = nil,
                onlineMeetingsRequested: Int? = nil, onlineMeetingsHeld: Int? = nil,
                documentsTotal: Int? = nil, documentsInSoftware: Int? = nil, iso9001: String? = nil,
                publicServiceComputers: [String] = []) {
        self.staff = staff
        self.staffWithOfficialEmail = staffWithOfficialEmail
        self.digitalSignatures = digitalSignatures
        self.software = software
        self.onlineMeetingRoom = onlineMeetingRoom
        self.computersWithSecuritySoftware = computersWithSecuritySoftware
        self.onlineMeetingsRequested = onlineMeetingsRequested
        self.onlineMeetingsHeld = onlineMeetingsHeld
        self.documentsTotal = documentsTotal
        self.documentsInSoftware = documentsInSoftware
        self.iso9001 = iso9001
        self.publicServiceComputers = publicServiceComputers
    }

    /// Whether any fact was given.
    public var isEmpty: Bool { self == ReadinessFacts() }
}
