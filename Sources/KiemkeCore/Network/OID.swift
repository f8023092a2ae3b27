/// An SNMP object identifier, kept numeric: Debian ships no MIB files, so names are never resolved.
public struct OID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The sub-identifiers, e.g. `[1, 3, 6, 1, 2, 1, 1, 1, 0]`.
    public var components: [UInt]

    /// Wraps sub-identifiers as they are.
    public init(_ components: [UInt]) { self.components = components }

    /// Parses dotted text such as `1.3.6.1.2.1.1.1.0` (a leading dot is allowed); nil when malformed.
    public init?(parsing text: String) {
        let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        var parts: [UInt] = []
        for piece in trimmed.split(separator: ".", omittingEmptySubsequences: false) {
            guard let value = UInt(piece) else { return nil }
            parts.append(value)
        }
        guard parts.count >= 2 else { return nil }
        components = parts
    }

    /// Dotted text in source: a literal that does not parse is a programming error caught by the first test run.
    public init(stringLiteral value: String) {
        guard let parsed = OID(parsing: value) else { preconditionFailure("malformed OID literal \(value)") }
        self = parsed
    }

    public var description: String { components.map(String.init).joined(separator: ".") }

    /// Whether `self` lies strictly under `root` (a walk's subtree test).
    public func isDescendant(of root: OID) -> Bool {
        components.count > root.components.count && components.starts(with: root.components)
    }

    /// Whether `self` equals `root` or lies under it.
    public func hasPrefix(_ root: OID) -> Bool { components.starts(with: root.components) }

    /// The sub-identifiers after `root` (a table row's index), or nil when `self` is not under `root`.
    public func suffix(after root: OID) -> [UInt]? {
        isDescendant(of: root) ? Array(components.dropFirst(root.components.count)) : nil
    }

    /// `self` with more sub-identifiers appended.
    public func appending(_ more: UInt...) -> OID { OID(components + more) }

    /// `self` with a row index appended.
    public func appending(index: [UInt]) -> OID { OID(components + index) }

    public static func < (lhs: OID, rhs: OID) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = OID(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a dotted OID: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
