/// The error-status field of a response PDU (RFC 3416 section 3; SNMPv1 uses the first six).
enum SNMPErrorStatus: Sendable, Hashable {
    case noError
    case tooBig
    case noSuchName
    case badValue
    case readOnly
    case genErr
    case noAccess
    case wrongType
    case wrongLength
    case wrongEncoding
    case wrongValue
    case noCreation
    case inconsistentValue
    case resourceUnavailable
    case commitFailed
    case undoFailed
    case authorizationError
    case notWritable
    case inconsistentName
    /// A number RFC 3416 does not define (a broken or non-standard agent).
    case unknown(Int)

    /// The statuses RFC 3416 defines, indexed by their number on the wire.
    private static let defined: [SNMPErrorStatus] = [
        .noError, .tooBig, .noSuchName, .badValue, .readOnly, .genErr, .noAccess, .wrongType, .wrongLength,
        .wrongEncoding, .wrongValue, .noCreation, .inconsistentValue, .resourceUnavailable, .commitFailed,
        .undoFailed, .authorizationError, .notWritable, .inconsistentName,
    ]

    /// Decodes the number a PDU carries (`errstat`).
    init(code: Int) {
        self = Self.defined.indices.contains(code) ? Self.defined[code] : .unknown(code)
    }

    /// The number on the wire.
    var code: Int {
        if case .unknown(let code) = self { return code }
        // Every other case is in `defined` exactly once.
        return Self.defined.firstIndex(of: self) ?? -1
    }

    /// RFC 3416's name for the status ("genErr"); "error" for a number it does not define.
    var name: String {
        switch self {
        case .noError: "noError"
        case .tooBig: "tooBig"
        case .noSuchName: "noSuchName"
        case .badValue: "badValue"
        case .readOnly: "readOnly"
        case .genErr: "genErr"
        case .noAccess: "noAccess"
        case .wrongType: "wrongType"
        case .wrongLength: "wrongLength"
        case .wrongEncoding: "wrongEncoding"
        case .wrongValue: "wrongValue"
        case .noCreation: "noCreation"
        case .inconsistentValue: "inconsistentValue"
        case .resourceUnavailable: "resourceUnavailable"
        case .commitFailed: "commitFailed"
        case .undoFailed: "undoFailed"
        case .authorizationError: "authorizationError"
        case .notWritable: "notWritable"
        case .inconsistentName: "inconsistentName"
        case .unknown: "error"
        }
    }
}
