import KiemkeCore

/// The evidence table: every rule that can point at a kind. Order does not matter (the weights of all rules
/// that fire are added up); names are unique. Extend by adding a row and a case in ClassificationRuleTests,
/// which fails for a rule without a case or a rule that cannot fire.
public enum ClassificationRules {
    // Shared vendor groups (the vendor is worked out before rules run, see VendorRegistry).
    static let printerMakers: Set<String> = [
        "Brother", "Kyocera", "Konica Minolta", "Xerox", "Fuji Xerox", "Fujifilm", "Sharp", "Ricoh", "OKI",
        "Lexmark", "Toshiba", "Develop", "Olivetti", "Sindoh", "Pantum", "Samsung", "Canon", "Zebra", "Océ",
    ]
    static let cameraMakers: Set<String> = ["Hikvision", "Dahua", "Axis", "Vivotek", "Uniview", "Hanwha"]
    static let networkMakers: Set<String> = [
        "Cisco", "D-Link", "ZyXEL", "Huawei", "Juniper", "Netgear", "TP-Link", "Fortinet", "MikroTik", "H3C",
        "Ubiquiti", "Aruba", "Arista", "Ruckus", "Palo Alto Networks", "Check Point", "SonicWall", "Brocade",
        "Extreme Networks", "Allied Telesis", "Alcatel-Lucent", "Cambium", "Accton", "3Com", "Nortel", "Linksys",
    ]

    public static let all: [ClassificationRule] = [
        // Computers.
        .init("windows-descr", .kind(.computer), 3, .text(.sysDescr, #"\bwindows\b"#),
              "sysDescr names Windows (the printers a PC lists in hrDevice are its drivers)"),
        .init("microsoft-enterprise", .kind(.computer), 1.5, .enterprise([311]),
              "sysObjectID is Microsoft's SNMP service (enterprise 311)"),
        .init("unix-descr", .kind(.computer), 1.2, .text(.sysDescr, #"^\s*(linux|freebsd|openbsd|netbsd|sunos|darwin)\b"#),
              "sysDescr names a Unix-like operating system"),
        .init("net-snmp-agent", .kind(.computer), 1, .enterprise([8072, 2021]),
              "sysObjectID is net-snmp's agent (enterprise 8072), the usual agent of Linux hosts"),
        .init("host-processors", .kind(.computer), 0.5, .all([.hostDeviceType("processor"), .not(.printerMIB)]),
              "hrDevice lists processors and Printer-MIB does not answer"),
        .init("server-hardware-mib", .kind(.computer), 1.5, .text(.identity, #"\b(poweredge|proliant|optiplex|thinkcentre|thinkpad|latitude|elitedesk|prodesk|vostro)\b"#),
              "a computer maker's model line (PowerEdge, ProLiant, OptiPlex...)"),
        .init("computer-ports", .kind(.computer), 1, .port([445, 3389]),
              "TCP 445 (file sharing) or 3389 (remote desktop) accepts connections"),

        // Cameras and their recorders.
        .init("camera-descr", .kind(.camera), 2.5, .text(.identity, #"\b(network|ip|ptz|dome|bullet|box|fisheye|panoramic|thermal) ?camera\b|\bipc\b|\bweb ?cam"#),
              "the device calls itself a network camera"),
        .init("recorder-descr", .kind(.camera), 2, .text(.identity, #"(^|[^a-z])(nvr|dvr|xvr|hcvr)([^a-z]|$)|video recorder"#),
              "a video recorder for cameras (NVR/DVR), counted with the cameras"),
        .init("hikvision-mib", .kind(.camera), 2, .vendorValue("hikvision.model"),
              "Hikvision's private MIB (1.3.6.1.4.1.39165) answers with a model"),
        .init("camera-maker", .kind(.camera), 1, .vendor(cameraMakers),
              "made by a video-surveillance maker"),
        .init("camera-model-code", .kind(.camera), 1.5, .text(.identity, #"\b(ds-2c[a-z0-9]+|ds-[79][0-9]{3}[a-z0-9-]*|dh-(ipc|sd|nvr|xvr|hcvr)[a-z0-9-]*|ipc-[a-z0-9-]+)"#),
              "a camera or recorder model code (Hikvision DS-2C/DS-7xxx, Dahua DH-IPC/NVR)"),
        .init("rtsp-port", .kind(.camera), 1, .port([554]),
              "TCP 554 (RTSP video streams) accepts connections"),

        // Scanners (with print evidence beside them, these make a multifunction printer instead).
        .init("scanner-descr", .kind(.scanner), 2, .text(.identity, #"scan ?server|\bscanner\b|document scanner|\bscanjet\b|\bscansnap\b|imageformula"#),
              "the device calls itself a scanner or scan server"),
        .init("scanner-model-line", .kind(.scanner), 1.5, .text(.identity, #"\b(ds-[0-9]{3,4}(?![0-9a-z])|fi-[0-9]{4}|ads-[0-9]{4}|dr-[a-z]?[0-9]{3,4})"#),
              "a document-scanner model line (Epson DS, Fujitsu fi, Brother ADS, Canon DR)"),
        .init("scan-function", .kind(.scanner), 1, .text(.identity, #"\bmfp\b|[0-9]mfp\b|\bmfc-|\bdcp-|\bscx|\bclx-|facsimile|\bfax\b|all-in-one|\bmf[0-9]{3,}"#),
              "a multifunction model (it scans as well as prints)"),

        // Printers.
        .init("printer-supplies", .kind(.printer), 2, .supplies,
              "Printer-MIB lists toner, ink or drum supplies"),
        .init("printer-mib", .kind(.printer), 1, .printerMIB,
              "Printer-MIB answers (page counter, serial, trays or printer name)"),
        .init("hr-printer-row", .kind(.printer), 0.7, .hostDeviceType("printer"),
              "hrDevice lists a printer"),
        .init("printer-descr", .kind(.printer), 1.2, .text(.sysDescr, #"print|\blaser|\binkjet|jetdirect|ethernet multi-environment"#),
              "sysDescr speaks of printing"),
        .init("printer-model-line", .kind(.printer), 1.5, .text(.identity, #"\b(laserjet|officejet|deskjet|designjet|pagewide|lbp ?[0-9]|mf[0-9]{3,}|ml-[0-9]|scx|clp-|clx-|hl-[a-z]?[0-9]|mfc-|dcp-|ecosys|fs-[0-9]|docuprint|phaser|versalink|imageprograf|imageclass|i-sensys|proxpress|b-(fv|sx|ex|sa|ev|fp)[0-9])"#),
              "a printer model line (LaserJet, LBP, HL, MFC, ML, DocuPrint, TEC label printers...)"),
        // Short model codes mean a printer only from a printer maker ("M4080FX" from Samsung, "D1180" from Canon).
        .init("printer-model-code", .kind(.printer), 1.5, .all([.vendor(printerMakers.union(["HP", "Epson"])), .text(.identity, #"\b(m[0-9]{4}[a-z]*|d[0-9]{4}|mc[0-9]{3}|c[0-9]{3}dn|es[0-9]{4}|sp ?c?[0-9]{3}|wf-[a-z]?[0-9]{3,}|tm-[0-9]{3,}|l[0-9]{4}|et-[0-9]{4})\b"#)]),
              "a printer maker's model code"),
        .init("ieee1284-printer", .kind(.printer), 1, .text(.identity, #"cls:printer"#),
              "its IEEE 1284 device ID says CLS:PRINTER"),
        .init("attached-printer", .kind(.printer), 2.5, .text(.sysDescr, #"attached to [a-z]*[0-9]"#),
              "its print server names the printer it is attached to"),
        .init("printer-maker", .kind(.printer), 1, .vendor(printerMakers),
              "made by a maker of printers and copiers"),
        .init("hp-maker", .kind(.printer), 0.5, .vendor(["HP", "Epson"]),
              "HP or Epson: most of their networked devices print"),
        .init("printer-ports", .kind(.printer), 1, .port([9100, 515, 631]),
              "a printing port (9100, LPD 515 or IPP 631) accepts connections"),
        .init("roll-media", .kind(.printer), 0.5, .rollTray,
              "it feeds paper from a roll (a plotter or label printer, not a copier)"),

        // Copier class: the office multifunction machine that copies, above all one that takes A3.
        .init("copier-line", .kind(.copier), 2, .text(.identity, #"bizhub|\bineo\b|d-colou?r|\bmp ?c?[0-9]{3,}|\bim ?c?[0-9]{3,}|\bmx-[a-z]*[0-9]{3,}|\bar-[0-9]{3,}|e-studio|imagerunner|\bir[- ]?adv|\bir-?c?[0-9]{4}|taskalfa|altalink|workcentre|apeos|docucentre|multixpress|\bsl-[xk][0-9]"#),
              "its model is of a copier line"),
        .init("a3-tray", .kind(.copier), 2.5, .a3Tray,
              "a paper tray takes A3 or larger"),
        .init("copier-units", .kind(.copier), 1.5, .all([.text(.sysDescr, #"\b(iit|adf|dadf|scanner)\b"#), .text(.sysDescr, #"\b(fin|finisher)\b"#)]),
              "its firmware list names a scanner unit (IIT/ADF) and a finisher"),
        .init("paper-deck", .kind(.copier), 1, .paperCapacity(atLeast: 2000),
              "its trays hold 2,000 sheets or more (an office copier's paper deck)"),

        // Things kiemke counts as "other": named so a person knows what it is.
        .init("video-encoder", .other("a video encoder"), 3, .text(.identity, #"video (encoder|server)|\bencoder\b"#),
              "the device calls itself a video encoder"),
        .init("audio-device", .other("a network audio device (speaker, amplifier)"), 3, .text(.identity, #"\baudio\b|speaker|amplifier|\bhorn\b|intercom"#),
              "the device calls itself an audio device"),
        .init("document-server", .other("a document server"), 3, .text(.identity, #"document server"#),
              "the device calls itself a document server"),
        .init("print-server", .other("a print server"), 2.5, .text(.identity, #"print ?server|jetdirect (ex|[0-9]+x)\b"#),
              "the device calls itself a print server (the printer behind it is not named)"),
        .init("pbx", .other("a telephone exchange (PBX)"), 3, .text(.identity, #"\bpbx\b|\bkx-(ns|ncp|tde|tda|hts)|asterisk|freepbx|\b3cx\b|call ?manager|\bip-?pbx"#),
              "a telephone exchange (PBX) model"),
        .init("ip-phone", .other("an IP phone"), 2.5, .text(.identity, #"ip ?phone|sip phone|\bvoip\b"#),
              "the device calls itself an IP phone"),
        .init("nas", .other("a network storage box (NAS)"), 3, .any([.text(.identity, #"\bnas\b|diskstation|rackstation|readynas|terastation|linkstation|\bmy ?cloud\b|qnap|synology"#), .vendor(["QNAP", "Synology"])]),
              "a network storage box (NAS)"),
        .init("ups", .other("power equipment (UPS, PDU)"), 3, .any([.text(.identity, #"\bups\b|smart-ups|back-ups|uninterruptible|\bpdu\b|powerware"#), .vendor(["APC", "Eaton", "Vertiv", "Schneider Electric"])]),
              "power equipment (UPS or PDU)"),
        .init("projector", .other("a projector"), 3, .text(.identity, #"projector|beamer"#),
              "the device calls itself a projector"),
        .init("attendance", .other("an access-control or attendance terminal"), 3, .text(.identity, #"access control|door controller|time attendance|fingerprint"#),
              "an access-control or attendance terminal"),

        // Network equipment.
        .init("network-maker", .kind(.network), 1.5, .vendor(networkMakers),
              "made by a network equipment maker"),
        .init("network-descr", .kind(.network), 1.5, .text(.sysDescr, #"\bswitch\b|\brouter\b|routeros|firewall|access point|\bfortigate\b|ios software|\bjunos\b|edgeos|\bairos\b|\bonu\b|\bolt\b"#),
              "sysDescr names a switch, router, firewall or access point"),
    ]
}
