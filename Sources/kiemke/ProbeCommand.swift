import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import Probes
import KiemkeCore

/// `kiemke probe`: one device now, or every device once.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Probe one address or device now (ping, TCP, SNMP) and print what it is, or --all devices once and record them.",
        discussion: """
            Secrets typed on the command line (--community, --v3-auth-key, --v3-priv-key) can be \
            seen by every user of the machine in `ps` while kiemke runs. Prefer --secrets-file FILE \
            (a file in the secrets-file format: [snmp] community, v3_user, v3_auth_key, v3_priv_key, \
            [snmp.communities]; chmod 600) or --v3-keys-stdin (the auth passphrase on the first line \
            of standard input, the privacy passphrase on the second), or the config's secrets file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "An IPv4 or IPv6 address, or a device's name (its address, kind and SNMP settings are used).") var address: String?
    @Flag(help: "Probe every device in the database once and record the results (as `daemon --once`).") var all = false
    @Option(help: "What it is, for the TCP ports to try (default: the common ports of every kind).") var kind: String?
    @Option(help: "SNMP version: 1, 2c or 3 (default: the config's).") var snmpVersion: SNMPVersion?
    @Option(help: "SNMP port (default 161).") var snmpPort: Int?
    @Option(help: "SNMP v1/v2c community, or @NAME for an entry of the secrets file (default: the config's; visible in ps: prefer --secrets-file).") var community: String?
    @Option(help: "A secrets file ([snmp] community, v3_user, v3_auth_key, v3_priv_key, [snmp.communities]), read instead of typing secrets.") var secretsFile: String?
    @Flag(help: "Read the SNMPv3 auth passphrase, then the privacy passphrase, one per line from standard input.") var v3KeysStdin = false
    @Option(help: "SNMPv3 user.") var v3User: String?
    @Option(help: "SNMPv3 level: noAuthNoPriv, authNoPriv or authPriv.") var v3Level: SNMPSettings.SecurityLevel = .authPriv
    @Option(help: "SNMPv3 authentication protocol: MD5, SHA, SHA-256, SHA-512.") var v3AuthProtocol: SNMPSettings.AuthProtocol = .sha
    @Option(help: "SNMPv3 authentication passphrase, 8 characters or more (visible in ps: prefer --v3-keys-stdin or --secrets-file).") var v3AuthKey: String?
    @Option(help: "SNMPv3 privacy protocol: DES, AES, AES-256.") var v3PrivProtocol: SNMPSettings.PrivProtocol = .aes
    @Option(help: "SNMPv3 privacy passphrase, 8 characters or more (visible in ps: prefer --v3-keys-stdin or --secrets-file).") var v3PrivKey: String?
    @Option(help: "text or json.") var format: Format = .text

    func validate() throws {
        guard all != (address != nil) else { throw ValidationError(Say.text("give one ADDRESS or device NAME, or --all", vi: "hãy cho một ĐỊA CHỈ hoặc TÊN thiết bị, hoặc --all")) }
        if let kind, DeviceKind(parsing: kind) == nil {
            throw ValidationError("--kind " + DeviceKind.notAKind(kind))
        }
        if let snmpPort, Port(snmpPort) == nil { throw ValidationError("--snmp-port: \(Port.rangeDescription)") }
        for (flag, key) in [("--v3-auth-key", v3AuthKey), ("--v3-priv-key", v3PrivKey)] {
            if let key, key.count < 8 { throw ValidationError(Say.text("\(flag) is shorter than 8 characters; SNMPv3 passphrases have at least 8",
                                                                              vi: "\(flag) ngắn hơn 8 ký tự; mật khẩu SNMPv3 dài ít nhất 8")) }
        }
        if v3KeysStdin && (v3AuthKey != nil || v3PrivKey != nil) {
            throw ValidationError(Say.text("give the v3 keys either with --v3-keys-stdin or with --v3-auth-key/--v3-priv-key, not both",
                                           vi: "hãy cho khóa v3 bằng --v3-keys-stdin hoặc bằng --v3-auth-key/--v3-priv-key, không dùng cả hai"))
        }
        if let community, let problem = DeviceTextRules.communityProblem(community) {
            throw ValidationError("--community \(problem)")
        }
    }

    /// The config with the secrets given by --secrets-file and --v3-keys-stdin, then the flags, on top.
    private func configurationWithSecrets(_ base: Configuration) throws -> Configuration {
        var configuration = base
        if let secretsFile {
            let before = configuration.snmp
            try configuration.loadSecrets(from: URL(fileURLWithPath: secretsFile))
            // A v3 user in the secrets file means the probe is meant to speak SNMPv3.
            if configuration.snmp.v3User != before.v3User { configuration.snmp.version = .v3 }
        }
        if v3KeysStdin {
            let (auth, priv) = try Self.readKeys()
            configuration.snmp.v3AuthKey = auth
            configuration.snmp.v3PrivKey = priv
        }
        if let v3User {
            configuration.snmp.version = .v3
            configuration.snmp.v3User = v3User
            configuration.snmp.v3Level = v3Level
            configuration.snmp.v3AuthProtocol = v3AuthProtocol
            configuration.snmp.v3PrivProtocol = v3PrivProtocol
        }
        if let v3AuthKey { configuration.snmp.v3AuthKey = v3AuthKey }
        if let v3PrivKey { configuration.snmp.v3PrivKey = v3PrivKey }
        return configuration
    }

    /// Two lines: the auth passphrase, then the privacy passphrase (none when the level has none).
    static func readKeys() throws -> (auth: String, priv: String?) {
        // Line by line, so a terminal or a pipe left open is not read past the second line.
        guard let auth = readLine(), !auth.isEmpty else {
            throw InputError("--v3-keys-stdin: standard input is empty; write the auth passphrase on the first line and the privacy passphrase on the second",
                             vi: "--v3-keys-stdin: đầu vào chuẩn trống; hãy viết mật khẩu xác thực ở dòng đầu và mật khẩu mã hóa ở dòng thứ hai")
        }
        let priv = readLine().flatMap { $0.isEmpty ? nil : $0 }
        for (name, key) in [("auth", Optional(auth)), ("privacy", priv)] {
            if let key, key.count < 8 { throw InputError("--v3-keys-stdin: the \(name) passphrase is shorter than 8 characters; SNMPv3 passphrases have at least 8",
                                                              vi: "--v3-keys-stdin: mật khẩu \(name == "auth" ? "xác thực" : "mã hóa") ngắn hơn 8 ký tự; mật khẩu SNMPv3 dài ít nhất 8") }
        }
        return (auth, priv)
    }

    func run() async throws {
        let workspace = try global.workspace()
        let logger = Logger(label: "kiemke.probe")
        if all {
            let polling = PollingService(store: try workspace.openStore(),
                                         source: ConfigurationSource(try configurationWithSecrets(workspace.configuration)), logger: logger)
            print(try await polling.runOnce().text(MessageLanguage.current))
            return
        }
        let configuration = try configurationWithSecrets(workspace.configuration)
        guard let typed = address else { return }
        // An address is probed as typed; anything else is a device's name, probed as the daemon would.
        var known: Device?
        if IPAddress(typed) == nil {
            // Digits and dots (or hex and colons) are an address mistyped, not a device's name.
            if !typed.isEmpty, typed.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }), typed.contains(where: \.isNumber) {
                throw InputError("'\(typed)' is not an IPv4 or IPv6 address (like 192.168.1.20) nor a device's name",
                                 vi: "'\(typed)' không phải địa chỉ IPv4 hay IPv6 (như 192.168.1.20) cũng không phải tên thiết bị")
            }
            let device = try workspace.openStoreForReading().device(named: typed)
            guard !device.address.isEmpty else {
                throw InputError("\(device.name) has no address (equipment with no network); give it one with `kiemke devices edit \(device.name) --address ...`",
                                 vi: "\(device.name) không có địa chỉ (thiết bị không nối mạng); hãy cho địa chỉ bằng `kiemke devices edit \(device.name) --address ...`")
            }
            known = device
        }
        let kindGiven = kind.flatMap(DeviceKind.init(parsing:))
        let device = Device(name: known?.name ?? typed, kind: kindGiven ?? known?.kind ?? .other, address: known?.address ?? typed,
                            snmpVersion: v3User != nil ? .v3 : (snmpVersion ?? known?.snmpVersion),
                            snmpCommunity: community ?? known?.snmpCommunity, snmpPort: snmpPort ?? known?.snmpPort)
        guard let ip = IPAddress(device.address) else {
            throw InputError("\(device.name)'s address \"\(device.address)\" is not an IPv4 or IPv6 address",
                             vi: "địa chỉ \"\(device.address)\" của \(device.name) không phải địa chỉ IPv4 hay IPv6")
        }
        let ports = kindGiven == nil && known == nil ? DeviceKind.allCommonTCPPorts : nil
        let target = ProbeTarget(address: ip, kind: device.kind, tcpPorts: ports,
                                 snmp: try configuration.snmpSettings(for: device))
        let prober = DeviceProber(options: configuration.proberOptions, logger: logger)
        // The probes only record why a method is unusable; the person running the command is told here.
        if let error = prober.pingUnavailable { logger.warning("ping is not available", metadata: ["error": "\(error)"]) }
        if let error = prober.snmpUnavailable { logger.warning("SNMP is not available", metadata: ["error": "\(error)"]) }
        let report = ProbeReport(result: await prober.probe([target])[0])
        print(format == .json ? try report.json() : report.text(language: MessageLanguage.current), terminator: "")
    }
}
