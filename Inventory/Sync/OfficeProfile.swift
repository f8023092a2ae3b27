import Foundation
import KiemkeCore

/// What the province needs of a commune's config to print that commune's report as it does: the
/// name its report is headed with, its working hours and its readiness facts.
public struct OfficeProfile: Sendable, Equatable, Codable {
    public var reportName: String
    public var timezone: String
    public var days: [Int]
    public var start: Int
    public var end: Int
    public var holidays: [String]
    public var kinds: [String]
    public var staff: Int?
    public var staffWithOfficialEmail: Int?
    public var digitalSignatures: Int?
    public var software: [String]
    public var onlineMeetingRoom: Bool?
    public var computersWithSecuritySoftware: Int?
    public var onlineMeetingsRequested: Int?
    public var onlineMeetingsHeld: Int?
    public var documentsTotal: Int?
    public var documentsInSoftware: Int?
    public var iso9001: String?
    public var publicServiceComputers: [String]

    public init(reportName: String, hours: OfficeHours, readiness: ReadinessFacts) {
        self.reportName = reportName
        timezone = hours.timezone
        days = hours.days.sorted()
        start = hours.start
        end = hours.end
        holidays = hours.holidays.sorted()
        kinds = hours.kinds.map(\.rawValue).sorted()
        staff = readiness.staff
        staffWithOfficialEmail = readiness.staffWithOfficialEmail
        digitalSignatures = readiness.digitalSignatures
        software = readiness.software
        onlineMeetingRoom = readiness.onlineMeetingRoom
        computersWithSecuritySoftware = readiness.computersWithSecuritySoftware
        onlineMeetingsRequested = readiness.onlineMeetingsRequested
        onlineMeetingsHeld = readiness.onlineMeetingsHeld
        documentsTotal = readiness.documentsTotal
        documentsInSoftware = readiness.documentsInSoftware
        iso9001 = readiness.iso9001
        publicServiceComputers = readiness.publicServiceComputers
    }

    /// The office's working hours.
    public var hours: OfficeHours {
        OfficeHours(timezone: timezone, days: Set(days), start: start, end: end, holidays: Set(holidays),
                    kinds: Set(kinds.compactMap(DeviceKind.init(rawValue:))))
    }

    /// The office's readiness facts.
    public var readiness: ReadinessFacts {
        var facts = ReadinessFacts()
        facts.staff = staff
        facts.staffWithOfficialEmail = staffWithOfficialEmail
        facts.digitalSignatures = digitalSignatures
        facts.software = software
        facts.onlineMeetingRoom = onlineMeetingRoom
        facts.computersWithSecuritySoftware = computersWithSecuritySoftware
        facts.onlineMeetingsRequested = onlineMeetingsRequested
        facts.onlineMeetingsHeld = onlineMeetingsHeld
        facts.documentsTotal = documentsTotal
        facts.documentsInSoftware = documentsInSoftware
        facts.iso9001 = iso9001
        facts.publicServiceComputers = publicServiceComputers
        return facts
    }
}
