/// Whether a device follows the office's working hours or is expected up at all times.
public enum DeviceSchedule: String, Codable, Sendable, CaseIterable {
    case office, always
}
