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
        var text = text
        // By UTF-8 bytes: quotes, line ends and the separators are ASCII, which no byte of another
        // character's encoding equals, so the bytes split where the characters do (and 12 MB are
        // read several times faster than by Unicode scalars).
        let separator = Array(self.separator.utf8)
        return try text.withUTF8 { bytes in Self.split(bytes, separator: separator) }.get()
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]) -> Result<[Record], Failure> {
        let (quote, cr, lf, space, tab): (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x22, 0x0D, 0x0A, 0x20, 0x09)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteClosed = false
        var quoteStartLine = 1
        var i = 0
        let n = bytes.count
        // A byte-order mark (U+FEFF) at the start is not text.
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }

        func endField() {
            fields.append(Self.restored(String(decoding: field, as: UTF8.self)))
            field.removeAll(keepingCapacity: true)
        }

        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        func atSeparator(_ i: Int) -> Bool {
            guard bytes[i] == separator[0] else { return false }
            if separator.count == 1 { return true }
            guard i + separator.count <= n else { return false }
            return (1..<separator.count).allSatisfy { bytes[i + $0] == separator[$0] }
        }

        while i < n {
            let c = bytes[i]
            if c == 0 { return .failure(.nulByte(line: line)) }
            if inQuotes {
                if c == quote {
                    if i + 1 < n && bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                    } else {
                        // The byte after the closing quote is read on its own, outside the quotes.
                        inQuotes = false
                        quoteClosed = true
                        i += 1
                    }
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                    i += 1
                }
                continue
            }
            if atSeparator(i) {
                endField()
                quoteClosed = false
                i += separator.count
                continue
            }
            switch c {
            case cr, lf:
                endRecord()
                i += c == cr && i + 1 < n && bytes[i + 1] == lf ? 2 : 1
                line += 1
                recordLine = line
                quoteClosed = false
            case quote where field.isEmpty && !quoteClosed:
                inQuotes = true
                quoteStartLine = line
                i += 1
            default:
                if quoteClosed {
                    if c == space || c == tab { i += 1; continue }
                    return .failure(.textAfterQuote(line: line))
                }
                field.append(c)
                i += 1
            }
        }
        if inQuotes { return .failure(.unterminatedQuote(line: quoteStartLine)) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return .success(records)
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
