import Foundation

/// A `multipart/form-data` body (the CSV upload form): each part's field name, file name and bytes.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var data: Data
    }

    var parts: [Part] = []

    /// Why a body could not be read as a form.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Splits `body` by the boundary named in `contentType`.
    init(body: Data, contentType: String) throws(Failure) {
        guard let boundaryRange = contentType.range(of: "boundary=") else {
            throw Failure(description: "the form has no boundary")
        }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty, boundary.count <= 200 else { throw Failure(description: "the form's boundary is not valid") }
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        var position = bytes.startIndex
        guard let first = bytes.range(of: delimiter, in: position..<bytes.endIndex) else {
            throw Failure(description: "the form holds no part")
        }
        position = first.upperBound
        let separator = Data("\r\n\r\n".utf8)
        while position < bytes.endIndex {
            // "--" after a delimiter ends the body.
            if bytes[position...].starts(with: Data("--".utf8)) { break }
            guard let next = bytes.range(of: delimiter, in: position..<bytes.endIndex) else { break }
            var part = bytes[position..<next.lowerBound]
            if part.starts(with: Data("\r\n".utf8)) { part = part.dropFirst(2) }
            if part.suffix(2) == Data("\r\n".utf8) { part = part.dropLast(2) }
            if let split = part.range(of: separator) {
                let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
                let content = Data(part[split.upperBound...])
                if let parsed = Self.disposition(headers) {
                    parts.append(Part(name: parsed.name, filename: parsed.filename, data: content))
                }
            }
            position = next.upperBound
        }
    }

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// A text field's value.
    func text(_ name: String) -> String? { part(name).map { String(decoding: $0.data, as: UTF8.self) } }

    private static func disposition(_ headers: String) -> (name: String, filename: String?)? {
        for line in headers.split(whereSeparator: { $0 == "\r" || $0 == "\n" }) where line.lowercased().hasPrefix("content-disposition:") {
            func parameter(_ key: String) -> String? {
                guard let range = line.range(of: "\(key)=\"") else { return nil }
                let rest = line[range.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { return nil }
                return String(rest[..<end])
            }
            // `name=` must not match inside `filename=`.
            let name = line.range(of: "; name=\"").map { r -> String in
                let rest = line[r.upperBound...]
                return String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)])
            }
            guard let name else { return nil }
            return (name, parameter("filename"))
        }
        return nil
    }
}
