import Foundation

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes),
/// keeping for every record the line of the file it starts on, so errors can name it.
///
/// Hand-written rather than yaslab/CSV.swift or SwiftCSV (issue 9 asked): every import error
/// must name the line of the file, and a record's fields can span lines. CSV.swift reports no
/// line at all and SwiftCSV only the row index, which differs from the line as soon as a quoted
/// field holds a line break; neither refuses a NUL byte (a NUL once merged two rows into one
/// device) or text after a closing quote. The format is small, and this reader is the one
/// place that decides it, property-tested against arbitrary input (CSVPropertyTests).
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
        case nulByte(line: Int)

        public var description: String {
            switch self {
            case .notUTF8(let line):
                "line \(line): the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
            case .unterminatedQuote(let line):
                "line \(line): a quoted field is never closed (a \" is missing)"
            case .textAfterQuote(let line):
                "line \(line): text follows a closing quote; write a quote inside a quoted field as \"\""
            case .nulByte(let line):
                "line \(line): the file holds a NUL byte (a zero byte), which no text has; "
                    + "it is not a CSV file, or is damaged: save it again from the spreadsheet as \"CSV UTF-8\""
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
    ///
    /// A field that `line` neutralised against formula injection ("'=1+2") is read back as it
    /// was written ("=1+2").
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

        func endField() {
            fields.append(Self.restored(field))
            field = ""
        }

        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if c == "\0" { throw .nulByte(line: line) }
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
                endField()
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

    /// Writes one CSV line, quoting the fields that need it and neutralising formulas.
    public static func line(_ fields: [String]) -> String {
        fields.map(neutralised).map { field in
            // By scalars: "\r\n" is one Character, equal to neither "\r" nor "\n".
            if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",")
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP's list: "=", "+",
    /// "-", "@", tab and carriage return).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `field` as a spreadsheet shows it, never runs it: a cell starting with a formula
    /// character gets a leading "'" (OWASP's advice); one that already starts with "'"s before
    /// such a character gets one more, so `restored` always gives back exactly `field`.
    public static func neutralised(_ field: String) -> String {
        let afterQuotes = field.drop(while: { $0 == "'" })
        guard let first = afterQuotes.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return field }
        return "'" + field
    }

    /// The inverse of `neutralised`: drops the one "'" it added.
    public static func restored(_ field: String) -> String {
        guard field.hasPrefix("'") else { return field }
        let afterQuotes = field.drop(while: { $0 == "'" })
        guard let first = afterQuotes.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return field }
        return String(field.dropFirst())
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
