import Foundation

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes),
/// keeping for every record the line of the file it starts on, so errors can name it.
public struct CSVReader: Sendable {
    /// One record and the 1-based line of the file where it starts.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Why a CSV file could not be read at all.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notUTF8(line: Int)
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)

        public var description: String {
            switch self {
            case .notUTF8(let line):
                "line \(line): the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
            case .unterminatedQuote(let line):
                "line \(line): a quoted field is never closed (a \" is missing)"
            case .textAfterQuote(let line):
                "line \(line): text follows a closing quote; write a quote inside a quoted field as \"\""
            }
        }
    }

    /// The character between fields: a comma, or what `CSVSeparator.detect` found in the header.
    public var separator: Unicode.Scalar

    public init(separator: Unicode.Scalar = ",") {
        self.separator = separator
    }

    /// Decodes `data` as UTF-8 (a leading byte-order mark is dropped) and splits it into records.
    public func records(from data: Data) throws(Failure) -> [Record] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .notUTF8(line: Self.lineOfFirstInvalidByte(in: data))
        }
        return try records(from: text)
    }

    /// Splits `text` into records; blank lines between records are skipped.
    public func records(from text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteClosed = false
        var quoteStartLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        quoteClosed = true
                        pending = next
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case separator:
                fields.append(field)
                field = ""
                quoteClosed = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
                quoteClosed = false
            case "\n":
                endRecord()
                line += 1
                recordLine = line
                quoteClosed = false
            case "\"" where field.isEmpty && !quoteClosed:
                inQuotes = true
                quoteStartLine = line
            default:
                if quoteClosed {
                    if c == " " || c == "\t" { continue }
                    throw .textAfterQuote(line: line)
                }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteStartLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Writes one CSV line, quoting the fields that need it.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",")
    }

    private static func lineOfFirstInvalidByte(in data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        // Decode line by line; the first line that fails is where the bad byte is.
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}
