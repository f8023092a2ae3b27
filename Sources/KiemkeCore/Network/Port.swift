import Foundation

/// A TCP or UDP port number, 1 to 65535: the one place that range is checked and described.
public struct Port: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The ports a device can listen on (0 is not one).
    public static let validRange: ClosedRange<Int> = 1...65_535
    /// How error messages describe a valid port.
    public static let rangeDescription = "a port is a number from 1 to 65535"

    public let rawValue: UInt16

    /// A port from a number; nil outside 1...65535.
    public init?(rawValue: UInt16) {
        guard rawValue != 0 else { return nil }
        self.rawValue = rawValue
    }

    /// A port from any integer; nil outside 1...65535.
    public init?(_ value: Int) {
        guard Self.validRange.contains(value) else { return nil }
        self.rawValue = UInt16(value)
    }

    /// Parses decimal text as people type it ("161", " 8080 "); nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 5, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(trimmed) else { return nil }
        self.init(value)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: Port, rhs: Port) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        guard let port = Port(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.rangeDescription))
        }
        self = port
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Int(rawValue))
    }
}
