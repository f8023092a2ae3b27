import Agent
import Foundation
import Inventory
import KiemkeCore
import Testing

/// Compares the Word file's table of figures, as a reader of the file sees its cells, with the
/// JSON report's numbers: the same figures by construction, checked from outside.
enum FigureTableCheck {
    /// The numbers in a cell as Vietnamese writes them: "." groups thousands, "," is the decimal mark.
    static func numbers(in cell: String) -> [Double] {
        var out: [Double] = []
        var current = ""
        func flush() {
            if !current.isEmpty, let value = Double(current.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")) {
                out.append(value)
            }
            current = ""
        }
        for character in cell {
            if character.isASCII && (character.isNumber || ((character == "," || character == ".") && !current.isEmpty)) {
                current.append(character)
            } else {
                flush()
            }
        }
        if current.last == "," || current.last == "." { current.removeLast() }
        flush()
        return out
    }

    /// The table whose header is the phrases' columns, from all of a file's tables.
    static func figureTable(_ tables: [[[String]]], language: ReportLanguage = .vi) -> [[String]]? {
        tables.first { $0.first == language.phrases.tableColumns }
    }

    /// Checks every row of `table` against `json["kinds"]`: total, counts by condition, connected n/N and %, availability %.
    static func check(_ table: [[String]], json: String, language: ReportLanguage = .vi,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let kinds = try #require(object["kinds"] as? [String: [String: Any]])
        let phrases = language.phrases
        #expect(table.count - 1 == kinds.count, "one row per kind", sourceLocation: sourceLocation)
        for row in table.dropFirst() {
            let kind = try #require(DeviceKind.allCases.first { phrases.kindName($0) == row[0] }, "row \(row[0])")
            let figures = try #require(kinds[kind.rawValue], "\(kind) in the JSON")
            #expect(numbers(in: row[1]) == [Double(figures["total"] as? Int ?? -1)], "\(kind) total", sourceLocation: sourceLocation)
            let conditions = try #require(figures["conditions"] as? [String: Int])
            for (offset, condition) in Condition.allCases.enumerated() {
                #expect(numbers(in: row[2 + offset]) == [Double(conditions[condition.rawValue] ?? -1)], "\(kind) \(condition)",
                        sourceLocation: sourceLocation)
            }
            let connected = numbers(in: row[2 + Condition.allCases.count])
            if let pct = figures["reachable_pct"] as? Double {
                let expected = [(pct * 10).rounded() / 10, Double(figures["reachable"] as? Int ?? -1), Double(figures["networked"] as? Int ?? -1)]
                #expect(connected == expected, "\(kind) connected: \(row)", sourceLocation: sourceLocation)
            } else {
                #expect(connected.isEmpty, "\(kind) has no connectivity figure, so the cell states none: \(row)", sourceLocation: sourceLocation)
            }
            let availability = numbers(in: row[3 + Condition.allCases.count])
            if let pct = figures["availability_pct"] as? Double {
                #expect(availability.first == (pct * 10).rounded() / 10, "\(kind) availability: \(row)", sourceLocation: sourceLocation)
            } else {
                #expect(availability.isEmpty, "\(kind) has no availability, so the cell states none: \(row)", sourceLocation: sourceLocation)
            }
        }
    }
}
