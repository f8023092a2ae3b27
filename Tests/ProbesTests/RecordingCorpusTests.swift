import Foundation
import Probes
import Testing
import TestSupport
import KiemkeCore

/// Every recording in `../shared/snmp/recordings` and `corpus`, labelled from the OIDs it holds (not its file
/// name), served by one snmpsim and read as a device would be: kind, vendor, model, serial and, for printers,
/// supply levels and the page counter.
@Suite(.enabled(if: SNMPSimulator.unavailableReason == nil, "snmpsim or ../shared recordings unavailable"))
struct RecordingCorpusTests {
    /// What a recording says it is. `supplies` are levels in percent or the state the device gave
    /// ("some remaining", "unknown"); nil where the recording has no Printer-MIB supplies.
    struct Label: Sendable, CustomTestStringConvertible {
        var recording: String
        var kind: DeviceKind
        var vendor: String?
        var model: String?
        var serial: String? = nil
        var supplies: [String]? = nil
        var pageCount: Int64? = nil
        /// Why this label (what in the recording says so).
        var because: String
        var testDescription: String { recording }
    }

    static let labels: [Label] = [
        // recordings/
        Label(recording: "axiscam_p1435-le", kind: .camera, vendor: "Axis", model: "P1435-LE", because: "sysDescr: Network Camera"),
        Label(recording: "brother", kind: .printer, vendor: "Brother", model: "MFC-L2710DW", serial: "000A5J431816",
              supplies: ["some remaining", "96"], because: "printer row MFC-L2710DW: a desktop MFP, no A3 tray"),
        Label(recording: "canonprinter_lbp", kind: .printer, vendor: "Canon", model: "LBP6670", serial: "MKRA012345",
              supplies: ["70"], because: "Canon LBP laser printer, Printer-MIB supply"),
        Label(recording: "epson-scanner_ds-860", kind: .scanner, vendor: "Epson", model: "DS-860", because: "sysDescr: Scan Server; row DS-860"),
        Label(recording: "epson", kind: .printer, vendor: "Epson", model: "WF-C5790BA", serial: "X3B8022793",
              supplies: ["1", "1", "1", "1"], because: "four inks, printer row WF-C5790BA"),
        Label(recording: "hikvision-cam", kind: .camera, vendor: "Hikvision", model: "DS-2CD2185FWD-I", because: "Hikvision MIB model"),
        Label(recording: "jetdirect_m130nw", kind: .printer, vendor: "HP", model: "LaserJet MFP M130nw", serial: "VNCRC48198",
              supplies: ["28", "71"], pageCount: 15232, because: "desktop LaserJet MFP, one 150-sheet tray"),
        Label(recording: "konica_c250i", kind: .copier, vendor: "Konica Minolta", model: "bizhub C250i", serial: "AA2M021115700",
              supplies: ["76", "78", "77", "86", "some remaining"], pageCount: 33810, because: "bizhub copier line"),
        Label(recording: "kyocera", kind: .printer, vendor: "Kyocera", model: "FS-1028MFP", serial: "QUV9600664",
              because: "Kyocera MIB model FS-1028MFP: a desktop MFP"),
        Label(recording: "linux", kind: .computer, vendor: nil, model: nil, because: "sysDescr Linux, net-snmp agent"),
        Label(recording: "windows", kind: .computer, vendor: "Dell", model: "PowerEdge 2650", serial: "1234567", because: "Windows; Dell MIB"),
        Label(recording: "windows_svr_2019_1809", kind: .computer, vendor: "Microsoft", model: nil, because: "Windows; printer rows are drivers"),
        // corpus/
        Label(recording: "axisaudio", kind: .other, vendor: "Axis", model: "P8221", because: "sysDescr: Network IO Audio Module"),
        Label(recording: "axiscam", kind: .camera, vendor: "Axis", model: "P5534-E", because: "sysDescr: PTZ Dome Network Camera"),
        Label(recording: "axiscam_nve", kind: .other, vendor: "Axis", model: "M7011", because: "sysDescr: Network Video Encoder"),
        Label(recording: "axiscam_p1354", kind: .camera, vendor: "Axis", model: "P1354", because: "sysDescr: Network Camera"),
        Label(recording: "axiscam_p1375", kind: .camera, vendor: "Axis", model: "P1375", because: "sysDescr: Network Camera"),
        Label(recording: "axiscam_p1425-le-mk-ii", kind: .camera, vendor: "Axis", model: "P1425-LE Mk II", because: "sysDescr: Network Camera"),
        Label(recording: "axiscam_p5676-le", kind: .camera, vendor: "Axis", model: "P5676-LE", because: "sysDescr: PTZ Camera"),
        Label(recording: "axisdocserver", kind: .other, vendor: "Axis", model: "1234", because: "sysDescr: Network Document Server"),
        Label(recording: "brother_hl5370dw", kind: .printer, vendor: "Brother", model: "HL-5370DW", serial: "B9J154306",
              supplies: ["unknown", "some remaining", "69"], pageCount: 7792, because: "printer row HL-5370DW, Brother laser printer"),
        Label(recording: "canonprinter_d1180", kind: .printer, vendor: "Canon", model: "D1180", because: "Canon imageCLASS D1180/MF6680 desktop MFP"),
        Label(recording: "canonprinter_mf", kind: .printer, vendor: "Canon", model: nil, because: "sysDescr only 'Canon MF' (no model number)"),
        Label(recording: "canonprinter_tm", kind: .printer, vendor: "Canon", model: "TM-5300",
              supplies: ["80", "100", "60", "80", "70", "90"], pageCount: 21588, because: "roll-fed ink plotter, six ink tanks"),
        Label(recording: "fujifilmprinter_c810", kind: .copier, vendor: "Fujifilm", model: "ApeosPro C810", serial: "TC101630131338",
              supplies: ["100", "100", "100", "some remaining", "99", "99", "99", "99", "100", "90"],
              because: "Apeos line, five trays holding 3,500 sheets"),
        Label(recording: "hikvision-nvr_1", kind: .camera, vendor: "Hikvision", model: nil, because: "sysDescr: Hikvision company products"),
        Label(recording: "jetdirect", kind: .printer, vendor: "HP", model: "Color LaserJet M452nw", serial: "AAA0A00000",
              supplies: ["54", "44", "76", "71"], because: "printer row HP Color LaserJet M452nw (PID is a user-set name)"),
        Label(recording: "jetdirect_1", kind: .other, vendor: "HP", model: nil, because: "sysDescr: JETDIRECT EX, an external print server"),
        Label(recording: "jetdirect_2", kind: .other, vendor: "HP", model: nil, because: "only sysObjectID 11 (HP): cannot place"),
        Label(recording: "konica_2", kind: .copier, vendor: "Konica Minolta", model: "bizhub 25e", supplies: ["8", "99", "58", "58"],
              because: "bizhub copier line"),
        Label(recording: "linux_1", kind: .computer, vendor: nil, model: nil, because: "net-snmp agent, Linux sysObjectID"),
        Label(recording: "linux_raspberrypi", kind: .computer, vendor: nil, model: nil, because: "sysDescr Linux"),
        Label(recording: "okilan", kind: .printer, vendor: "OKI", model: "MC342", because: "OkiLAN print server attached to MC342"),
        Label(recording: "panasonic-ns", kind: .other, vendor: "Panasonic", model: "KX-NS1000", because: "KX-NS1000 PBX, enterprise 258"),
        Label(recording: "qnap_ts431", kind: .other, vendor: "QNAP", model: nil, because: "ENTITY-MIB maker QNAP Systems: a NAS"),
        Label(recording: "ricoh_aficio", kind: .copier, vendor: "Ricoh", model: "Aficio MP 201", because: "Ricoh MP line, printer/scanner/fax"),
        Label(recording: "samsungprinter_ml", kind: .printer, vendor: "Samsung", model: "ML-2850", because: "Samsung ML laser printer"),
        Label(recording: "samsungprinter_scx", kind: .printer, vendor: "Samsung", model: nil, because: "sysDescr only 'Samsung SCX'"),
        Label(recording: "sharp_mx3140n", kind: .copier, vendor: "Sharp", model: "MX-3140N", because: "Sharp MX copier line"),
        Label(recording: "sharp_mxc301w", kind: .copier, vendor: "Sharp", model: "MX-C301W", because: "Sharp MX copier line"),
        Label(recording: "toshiba-tec_fv4", kind: .printer, vendor: "Toshiba", model: "B-FV4", because: "Toshiba TEC B- label printer"),
        Label(recording: "toshiba-tec_sx5t", kind: .printer, vendor: "Toshiba", model: "B-SX5T", because: "Toshiba TEC B- label printer"),
        Label(recording: "windows_1057c", kind: .computer, vendor: "Microsoft", model: nil, because: "Windows NT 3.51"),
        Label(recording: "windows_1381s", kind: .computer, vendor: "Microsoft", model: nil, because: "Windows NT 4.0"),
        Label(recording: "windows_2195d", kind: .computer, vendor: "HP", model: "ProLiant ML350 Gen6", serial: "AB123456CD",
              because: "Windows 2000 on a ProLiant (Compaq Insight MIB)"),
        Label(recording: "windows_3790s", kind: .computer, vendor: "Microsoft", model: nil, because: "Windows 5.2"),
        Label(recording: "windows_7600s", kind: .computer, vendor: "Microsoft", model: nil, because: "Windows 6.1"),
        Label(recording: "windows_9600d", kind: .computer, vendor: "Microsoft", model: nil, because: "Windows 6.3"),
        Label(recording: "xerox_apeosport", kind: .copier, vendor: "Fuji Xerox", model: "ApeosPort-VI C4471", serial: "TC101180620073",
              because: "ApeosPort line; firmware lists ADF and finisher"),
        Label(recording: "xerox_color", kind: .copier, vendor: "Xerox", model: "Color 570", because: "firmware lists IIT (scanner), ADF and finisher"),
        Label(recording: "xerox_docuprint", kind: .printer, vendor: "Fuji Xerox", model: "DocuPrint CM305 df", because: "DocuPrint printer line, no scanner unit"),
    ]

    static let reader = DeviceReader(engine: try! SNMPEngine(concurrency: 32))

    @Test("Every recording in both folders has a label, and every label a recording")
    func everyRecordingLabelled() {
        #expect(Set(Self.labels.map(\.recording)) == Set(SNMPSimulator.recordingNames))
        #expect(Self.labels.count == Set(Self.labels.map(\.recording)).count, "a recording is labelled twice")
    }

    // One at a time: snmpsim is a single Python process, and 51 reads at once on a loaded machine time out walks.
    @Test("Read through snmpsim and classified as labelled", .serialized, arguments: labels)
    func classifiedAsLabelled(label: Label) async throws {
        let endpoint = try await SNMPSimulator.shared.endpoint()
        let settings = SNMPSettings(version: .v2c, community: label.recording, port: endpoint.port, timeout: 5, retries: 2)
        var f = try await Self.reader.read(endpoint.address, settings: settings).get()
        // This checks classification, not loss handling: a walk that snmpsim answered too slowly while other
        // suites load it (the engine's adaptive pacing gives up after ~1 s) is read again, twice at most.
        for _ in 0..<2 where !f.notes.isEmpty {
            f = try await Self.reader.read(endpoint.address, settings: settings).get()
        }
        let why = "\(label.recording): \(f.classification.reason)"
        #expect(f.notes.isEmpty, "\(label.recording) was read only in part: \(f.notes)")
        #expect(f.kind == label.kind, "\(why)")
        #expect(f.vendor == label.vendor, "\(why)")
        #expect(f.model == label.model, "\(why)")
        #expect(f.serial == label.serial, "\(why)")
        #expect(f.supplies.map { $0.levelPct.map(String.init) ?? $0.levelState ?? "?" } == (label.supplies ?? []), "\(why)")
        #expect(f.pageCount == label.pageCount, "\(why)")
        #expect(!f.classification.reasons.isEmpty, "\(why)")
    }
}
