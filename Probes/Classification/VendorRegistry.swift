/// Who made a device: the IANA enterprise number of sysObjectID, and the maker's name where devices write it.
///
/// `enterprises` is a fact table taken from the IANA "Private Enterprise Numbers" registry
/// (https://www.iana.org/assignments/enterprise-numbers), restricted to makers of equipment an office has,
/// with the registry's company names shortened to the brand people know (258 "Matsushita Electric
/// Industrial" is Panasonic, 1129 "Tec Corporation" is Toshiba TEC, 232 Compaq is sold as HP). Extend it by
/// adding rows; each number must be the registry's.
public enum VendorRegistry {
    /// Brand by IANA enterprise number. 8072 (net-snmp) and 2021 (UCD) name agent software, not a maker: absent.
    public static let enterprises: [UInt: String] = [
        2: "IBM", 9: "Cisco", 11: "HP", 43: "3Com", 45: "Nortel", 63: "Apple", 94: "Nokia", 119: "NEC",
        122: "Sony", 171: "D-Link", 186: "Toshiba", 207: "Allied Telesis", 211: "Fujitsu", 231: "Fujitsu",
        232: "HP", 236: "Samsung", 244: "Lantronix", 253: "Xerox", 258: "Panasonic", 259: "Accton",
        297: "Fuji Xerox", 311: "Microsoft", 318: "APC", 343: "Intel", 367: "Ricoh", 368: "Axis",
        396: "Panasonic", 476: "Vertiv", 534: "Eaton", 641: "Lexmark", 674: "Dell", 705: "Schneider Electric",
        890: "ZyXEL", 1129: "Toshiba", 1182: "Yamaha", 1229: "SEH", 1240: "Silex", 1248: "Epson",
        1347: "Kyocera", 1552: "Océ", 1588: "Brocade", 1602: "Canon", 1916: "Extreme Networks", 1991: "Brocade",
        2001: "OKI", 2011: "Huawei", 2272: "Nortel", 2385: "Sharp", 2435: "Brother", 2620: "Check Point",
        2636: "Juniper", 3375: "F5", 3955: "Linksys", 4526: "Netgear", 6027: "Dell",
        6486: "Alcatel-Lucent", 6574: "Synology", 6876: "VMware", 8741: "SonicWall",
        10642: "Zebra", 11863: "TP-Link", 12356: "Fortinet", 14179: "Cisco", 14823: "Aruba", 14988: "MikroTik",
        17713: "Cambium", 18334: "Konica Minolta", 24681: "QNAP", 25053: "Ruckus",
        25461: "Palo Alto Networks", 25506: "H3C", 30065: "Arista",
        39165: "Hikvision", 41112: "Ubiquiti",
    ]

    /// Maker names as devices write them at the start of sysDescr, a device row or a maker field
    /// (lower case, longest first where one begins another), and the brand kiemke shows.
    public static let brands: [(prefix: String, vendor: String)] = [
        ("konica minolta", "Konica Minolta"), ("konica", "Konica Minolta"), ("minolta", "Konica Minolta"),
        ("fuji xerox", "Fuji Xerox"), ("fujifilm", "Fujifilm"), ("fuji film", "Fujifilm"), ("xerox", "Xerox"),
        ("toshiba tec", "Toshiba"), ("toshiba", "Toshiba"), ("ricoh", "Ricoh"), ("sharp", "Sharp"),
        ("kyocera", "Kyocera"), ("brother", "Brother"), ("canon", "Canon"), ("epson", "Epson"),
        ("oki data", "OKI"), ("oki", "OKI"), ("lexmark", "Lexmark"), ("samsung", "Samsung"),
        ("hewlett-packard", "HP"), ("hewlett packard", "HP"), ("hp", "HP"), ("axis", "Axis"),
        ("hikvision", "Hikvision"), ("dahua", "Dahua"), ("dh-", "Dahua"), ("panasonic", "Panasonic"),
        ("develop", "Develop"), ("olivetti", "Olivetti"), ("sindoh", "Sindoh"), ("pantum", "Pantum"),
        ("dell", "Dell"), ("qnap", "QNAP"), ("synology", "Synology"), ("zebra", "Zebra"), ("gestetner", "Ricoh"),
        ("lanier", "Ricoh"), ("savin", "Ricoh"), ("nashuatec", "Ricoh"), ("vivotek", "Vivotek"),
        ("uniview", "Uniview"), ("hanwha", "Hanwha"), ("apc", "APC"), ("eaton", "Eaton"), ("cisco", "Cisco"),
        ("tp-link", "TP-Link"), ("d-link", "D-Link"), ("mikrotik", "MikroTik"), ("ubiquiti", "Ubiquiti"),
        ("zyxel", "ZyXEL"), ("huawei", "Huawei"), ("netgear", "Netgear"),
    ]

    /// The brand a text starts with ("KONICA MINOLTA bizhub" → Konica Minolta), matched as whole words.
    public static func brand(atStartOf text: String) -> (vendor: String, length: Int)? {
        let trimmed = Substring(text).drop { $0 == " " || $0 == ";" }
        let lowered = trimmed.lowercased()
        for entry in brands where lowered.hasPrefix(entry.prefix) {
            // "hp" must not match "hpux", "oki" not "okidata"; a brand ending in "-" is a model prefix (DH-).
            let rest = lowered.dropFirst(entry.prefix.count)
            if entry.prefix.hasSuffix("-") || rest.isEmpty || !(rest.first!.isLetter || rest.first!.isNumber) {
                return (entry.vendor, text.count - trimmed.count + entry.prefix.count)
            }
        }
        return nil
    }

    /// A brand named anywhere in a maker field ("QNAP Systems, Inc.", "MFG:Hewlett-Packard").
    public static func brand(in text: String) -> String? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        for entry in brands where !entry.prefix.hasSuffix("-") {
            let brandWords = entry.prefix.split(separator: " ").map(String.init)
            if brandWords.count <= words.count,
               (0...(words.count - brandWords.count)).contains(where: { Array(words[$0..<$0 + brandWords.count]) == brandWords }) {
                return entry.vendor
            }
        }
        return nil
    }
}
