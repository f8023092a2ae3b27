import Foundation

/// Prints a subcommand's figures as one line of JSON, the form bench/run reads with jq.
enum JSONLine {
    static func print(_ figures: [String: Any]) throws {
        let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        Swift.print(String(decoding: json, as: UTF8.self))
    }
}
