import Foundation

/// How kiemke writes JSON for other programs: snake_case keys, ISO-8601 times, sorted keys.
public enum JSONOutput {
    /// Encodes `value` as pretty-printed UTF-8 JSON followed by a newline.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
