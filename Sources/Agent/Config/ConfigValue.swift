/// A value as the config file wrote it, before its key gives it a meaning.
///
/// TOMLKit's values are reference types that are not `Sendable`; reading them into this enum
/// right after parsing keeps the rest of the loader a pure function of plain values.
enum ConfigValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([ConfigValue])
    /// A TOML date, time or table where kiemke expects none: kept only to name it in messages.
    case other(typeName: String)

    /// The TOML type's name, for "expected a string, found an integer" messages.
    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .boolean: "true or false"
        case .array: "an array"
        case .other(let typeName): typeName
        }
    }
}
