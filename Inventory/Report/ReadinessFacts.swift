/// Facts about the office that no probe can measure, given in the config and printed only when set.
public struct ReadinessFacts: Sendable, Equatable {
    public var staff: Int?
    public var staffWithOfficialEmail: Int?
    public var digitalSignatures: Int?
    public var software: [String]
    public var onlineMeetingRoom: Bool?

    public init(staff: Int? = nil, staffWithOfficialEmail: Int? = nil, digitalSignatures: Int? = nil,
                software: [String] = [], onlineMeetingRoom: Bool? = nil) {
        self.staff = staff
        self.staffWithOfficialEmail = staffWithOfficialEmail
        self.digitalSignatures = digitalSignatures
        self.software = software
        self.onlineMeetingRoom = onlineMeetingRoom
    }

    /// Whether any fact was given.
    public var isEmpty: Bool {
        staff == nil && staffWithOfficialEmail == nil && digitalSignatures == nil && software.isEmpty && onlineMeetingRoom == nil
    }
}
