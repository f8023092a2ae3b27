import KiemkeCore
/// The classification data: kind rules (first match wins), vendors by enterprise, where models and firmware
/// are written. Extend by adding rows; each row has a test in ClassificationRuleTests.
public enum ClassificationRules {
    /// Ordered: cameras and scanners before printers (Axis and Epson also make print servers and printers),
    /// computers before copiers (a Windows host lists its printer drivers in hrDevice).
    public static let kinds: [ClassificationRule] = [
        ClassificationRule("hikvision-mib", kind: .camera, confidence: 0.95,
                           reason: "Hikvision's private MIB (1.3.6.1.4.1.39165) answers with a camera model.",
                           vendorValue: "hikvision.model"),
        ClassificationRule("axis-camera", kind: .camera, confidence: 0.95,
                           reason: "sysObjectID is Axis (368) and sysDescr says it is a network camera.",
                           enterprises: [368], sysDescr: "camera"),
        ClassificationRule("axis-print-server", kind: .network, confidence: 0.8,
                           reason: "sysObjectID is Axis (368) and sysDescr says it is a print server.",
                           enterprises: [368], sysDescr: "print ?server"),
        ClassificationRule("camera-descr", kind: .camera, confidence: 0.8,
                           reason: "sysDescr says it is a network camera or video recorder.",
                           sysDescr: "network camera|ip camera|\\bDVR\\b|\\bNVR\\b"),
        ClassificationRule("scanner-descr", kind: .scanner, confidence: 0.9,
                           reason: "sysDescr says it is a scanner or scan server.",
                           sysDescr: "scan ?server|scanner"),
        ClassificationRule("windows", kind: .computer, confidence: 0.95,
                           reason: "sysDescr names Windows: a computer, whatever printers its hrDevice table lists.",
                           sysDescr: "\\bWindows\\b"),
        ClassificationRule("microsoft-agent", kind: .computer, confidence: 0.9,
                           reason: "sysObjectID is Microsoft's (311): a Windows computer.",
                           enterprises: [311]),
        ClassificationRule("copier-line", kind: .copier, confidence: 0.9,
                           reason: "It prints and its model is a multifunction line that copies (bizhub, MP, MX, e-STUDIO, imageRUNNER, TASKalfa, AltaLink, WorkCentre, MFP, MFC).",
                           text: "bizhub|\\bMP ?C?[0-9]{3,}|Aficio|\\bMX-[0-9]|e-STUDIO|imageRUNNER|\\biR[- ]?(ADV|C?[0-9]{3,})|TASKalfa|AltaLink|WorkCentre|MFP|\\bMFC-|\\bDCP-",
                           needsPrinterEvidence: true),
        ClassificationRule("printer-mib", kind: .printer, confidence: 0.9,
                           reason: "Printer-MIB answers (supplies, serial or page counter).",
                           needsPrinterMIB: true),
        ClassificationRule("printer-descr", kind: .printer, confidence: 0.6,
                           reason: "sysDescr names a printer or print system, though Printer-MIB does not answer.",
                           sysDescr: "print|laserjet|jetdirect|officejet|deskjet|\\bLBP"),
        ClassificationRule("hr-printer", kind: .printer, confidence: 0.5,
                           reason: "Its hrDevice table lists a printer and nothing says it is a computer.",
                           needsPrinterEvidence: true),
        ClassificationRule("unix-host", kind: .computer, confidence: 0.8,
                           reason: "sysDescr names a Unix-like operating system (Linux, BSD, macOS).",
                           sysDescr: "^(Linux|FreeBSD|OpenBSD|NetBSD|SunOS|Darwin)\\b"),
        ClassificationRule("net-snmp-agent", kind: .computer, confidence: 0.6,
                           reason: "sysObjectID is net-snmp's (8072), the usual agent of Linux hosts.",
                           enterprises: [8072]),
        ClassificationRule("network-vendor", kind: .network, confidence: 0.8,
                           reason: "sysObjectID belongs to a network equipment maker.",
                           enterprises: [9, 171, 890, 2011, 2636, 4526, 11863, 12356, 14988, 25506, 41112]),
        ClassificationRule("network-descr", kind: .network, confidence: 0.6,
                           reason: "sysDescr names a switch, router, firewall or access point.",
                           sysDescr: "switch|router|routeros|firewall|access point"),
    ]

    /// The kind when no rule matches.
    public static let fallback = Classification.unclassified

    /// Vendor names by sysObjectID enterprise number.
    public static let vendorsByEnterprise: [UInt: String] = [
        9: "Cisco", 11: "HP", 171: "D-Link", 236: "Samsung", 253: "Xerox", 311: "Microsoft", 367: "Ricoh",
        368: "Axis", 641: "Lexmark", 674: "Dell", 890: "ZyXEL", 1129: "Toshiba", 1248: "Epson", 1347: "Kyocera",
        1602: "Canon", 2001: "OKI", 2011: "Huawei", 2385: "Sharp", 2435: "Brother", 2636: "Juniper",
        4526: "Netgear", 11863: "TP-Link", 12356: "Fortinet", 14988: "MikroTik", 18334: "Konica Minolta",
        25506: "H3C", 39165: "Hikvision", 41112: "Ubiquiti",
    ]

    /// Vendor names by a vendor-MIB value that was read: the hardware maker beats the OS's enterprise.
    public static let vendorsByVendorValue: [(key: String, vendor: String)] = [
        ("hikvision.model", "Hikvision"), ("dell.model", "Dell"),
    ]

    /// Where a field is written.
    public enum Source: Sendable, Equatable {
        case sysDescr
        case primaryDevice
        case vendorValue(String)
    }

    /// A place a vendor writes a field, and the pattern whose first group (or whole match) is the value.
    public struct FieldPattern: Sendable {
        public var vendor: String?
        public var source: Source
        public var pattern: String

        public init(_ vendor: String?, _ source: Source, _ pattern: String) {
            self.vendor = vendor
            self.source = source
            self.pattern = pattern
        }
    }

    /// Where each vendor writes the model (tried in order; vendor nil means any vendor).
    public static let models: [FieldPattern] = [
        FieldPattern(nil, .vendorValue("hikvision.model"), ".+"),
        FieldPattern(nil, .vendorValue("dell.model"), ".+"),
        FieldPattern("Konica Minolta", .sysDescr, "^KONICA MINOLTA (.+)$"),
        FieldPattern("HP", .sysDescr, "PID:(?:HP )?([^,;]+)"),
        FieldPattern("HP", .primaryDevice, "^(?:HP |Hewlett-Packard )?(.+)$"),
        FieldPattern("Brother", .primaryDevice, "^Brother (.+?)(?: series)?$"),
        FieldPattern("Canon", .vendorValue("canon.model"), ".+"),
        FieldPattern("Canon", .sysDescr, "^Canon (\\S+)"),
        FieldPattern("Epson", .primaryDevice, "^(?:EPSON )?(.+)$"),
        FieldPattern("Kyocera", .vendorValue("kyocera.model"), ".+"),
        FieldPattern("Axis", .sysDescr, "AXIS ([^;]+);"),
        FieldPattern("Ricoh", .sysDescr, "^RICOH (.+?)(?: [0-9]+\\.[0-9].*)?$"),
        FieldPattern("Sharp", .sysDescr, "(MX-\\S+)"),
        FieldPattern("Toshiba", .sysDescr, "(e-STUDIO\\S*)"),
        FieldPattern("Xerox", .sysDescr, "Xerox (\\S+(?: \\S+)?)"),
        FieldPattern(nil, .vendorValue("entity.model"), ".+"),
    ]

    /// Where each vendor writes the firmware version.
    public static let firmware: [FieldPattern] = [
        FieldPattern(nil, .vendorValue("hikvision.firmware"), ".+"),
        FieldPattern(nil, .vendorValue("canon.firmware"), ".+"),
        FieldPattern("Axis", .sysDescr, "Network Camera; ([^;]+);"),
        FieldPattern("Brother", .sysDescr, "Firmware Ver\\.?\\s*([^ ,]+)"),
    ]

    /// Vendor-MIB serial numbers, used after Printer-MIB, ENTITY-MIB and sysDescr's "SN:".
    public static let vendorSerials = ["kyocera.serial", "brother.serial", "dell.serial"]
}
