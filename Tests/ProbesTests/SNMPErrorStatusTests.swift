import CNetSNMP
// @testable for SNMPErrorStatus and SNMPResponse, which are internal.
@testable import Probes
import Testing

/// A response PDU's errstat number decodes to the RFC 3416 error-status it names, and back.
@Suite("SNMP error-status: RFC 3416 numbers decode to named cases")
struct SNMPErrorStatusTests {
    static let rows: [(code: Int, status: SNMPErrorStatus, name: String)] = [
        (0, .noError, "noError"),
        (1, .tooBig, "tooBig"),
        (2, .noSuchName, "noSuchName"),
        (3, .badValue, "badValue"),
        (4, .readOnly, "readOnly"),
        (5, .genErr, "genErr"),
        (6, .noAccess, "noAccess"),
        (7, .wrongType, "wrongType"),
        (8, .wrongLength, "wrongLength"),
        (9, .wrongEncoding, "wrongEncoding"),
        (10, .wrongValue, "wrongValue"),
        (11, .noCreation, "noCreation"),
        (12, .inconsistentValue, "inconsistentValue"),
        (13, .resourceUnavailable, "resourceUnavailable"),
        (14, .commitFailed, "commitFailed"),
        (15, .undoFailed, "undoFailed"),
        (16, .authorizationError, "authorizationError"),
        (17, .notWritable, "notWritable"),
        (18, .inconsistentName, "inconsistentName"),
        // Numbers RFC 3416 does not define keep their value and the generic name agentError shows.
        (19, .unknown(19), "error"),
        (-1, .unknown(-1), "error"),
        (255, .unknown(255), "error"),
    ]

    @Test("decode, name and number", arguments: rows)
    func decode(code: Int, status: SNMPErrorStatus, name: String) {
        let decoded = SNMPErrorStatus(code: code)
        #expect(decoded == status)
        #expect(decoded.name == name)
        #expect(decoded.code == code)
    }

    @Test("a response PDU's errstat and errindex are decoded", arguments: [(0, 0), (1, 0), (2, 3), (5, 1), (42, 2)])
    func fromPDU(code: Int, index: Int) throws {
        let pdu = try #require(snmp_pdu_create(Int32(CNetSNMP_SNMP_MSG_RESPONSE)))
        defer { snmp_free_pdu(pdu) }
        pdu.pointee.errstat = code
        pdu.pointee.errindex = index
        let response = SNMPResponse(pdu: pdu)
        #expect(response.errorStatus == SNMPErrorStatus(code: code))
        #expect(response.errorStatus.code == code)
        #expect(response.errorIndex == index)
        #expect(!response.isReport)
    }
}
