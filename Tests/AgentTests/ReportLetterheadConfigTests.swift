import Agent
import Foundation
import Testing
import TestSupport

@Suite("Config: the [report] keys of the Word document's letterhead")
struct ReportLetterheadConfigTests {
    @Test("every key is read; lines split at line breaks or given as arrays; capitals are left to the renderer")
    func keys() throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", """
            office = "UBND xã Minh Đức"
            [report]
            issuing_body = "Ủy ban nhân dân\\nxã Minh Đức"
            place = " Minh Đức "
            number = "15"
            symbol = "BC-VP"
            subject = "Hạ tầng công nghệ thông tin"
            signer_position = ["TM. Ủy ban nhân dân", "Chủ tịch"]
            signer_name = "Nguyễn Hữu Lăng"
            recipients = ["UBND huyện Tứ Kỳ", "", "Lưu: VT"]
            """)
        let letterhead = try Configuration.load(from: url).letterhead
        #expect(letterhead.issuingBody == ["Ủy ban nhân dân", "xã Minh Đức"])
        #expect(letterhead.place == "Minh Đức")
        #expect(letterhead.number == "15" && letterhead.symbol == "BC-VP")
        #expect(letterhead.subject == "Hạ tầng công nghệ thông tin")
        #expect(letterhead.signerPosition == ["TM. Ủy ban nhân dân", "Chủ tịch"])
        #expect(letterhead.signerName == "Nguyễn Hữu Lăng")
        #expect(letterhead.recipients == ["UBND huyện Tứ Kỳ", "Lưu: VT"])
    }

    @Test("missing keys stay missing (the document prints dots); the issuing body falls back to the office's name")
    func defaults() throws {
        let folder = TemporaryDirectory()
        let letterhead = try Configuration.load(from: try folder.write("k.toml", "office = \"UBND xã Minh Đức\"\n")).letterhead
        #expect(letterhead.issuingBody == ["UBND xã Minh Đức"])
        #expect(letterhead.place == nil && letterhead.number == nil && letterhead.signerName == nil)
        #expect(letterhead.signerPosition.isEmpty && letterhead.recipients.isEmpty)
        #expect(letterhead.symbol == "BC-UBND")
        #expect(try Configuration.load(from: try folder.write("empty.toml", "")).letterhead.issuingBody.isEmpty)
    }

    @Test("a wrong type names the file, the line and the key", arguments: [
        ("[report]\nrecipients = \"UBND huyện\"\n", "report.recipients"),
        ("[report]\nsigner_position = 3\n", "report.signer_position"),
        ("[report]\nplace = [\"Minh Đức\"]\n", "report.place"),
    ])
    func wrongType(toml: String, key: String) throws {
        let folder = TemporaryDirectory()
        let url = try folder.write("k.toml", toml)
        let error = #expect(throws: ConfigError.self) { try Configuration.load(from: url) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains(key) && message.contains("k.toml") && message.contains(":2"), "\(message)")
    }
}
