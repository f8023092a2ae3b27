import Inventory
import Probes
import KiemkeCore

extension Configuration {
    /// Every key of the config file outside `[kinds.*]`.
    static let keys: [ConfigKey<Configuration>] = [
        ConfigKey("office", .cleanText) { $0.office = $1 },
        ConfigKey("database", .databasePath) { $0.database = $1 },
        ConfigKey("language", .choice(ReportLanguage.self)) { $0.language = $1 },
        ConfigKey("secrets", .string) { $0.secretsFile = $1 },

        ConfigKey("probe.interval", .duration(in: DurationText.interval)) { $0.probe.interval = $1 },
        ConfigKey("probe.timeout", .duration(in: DurationText.timeout)) { $0.probe.timeout = $1 },
        ConfigKey("probe.retries", .integer(in: 0...10)) { $0.probe.retries = $1 },
        ConfigKey("probe.concurrency", .integer(in: 1...65_536)) { $0.probe.concurrency = $1 },
        ConfigKey("probe.down_after", .integer(in: 1...100)) { $0.probe.downAfter = $1 },
        ConfigKey("probe.read_deadline", .duration(in: .seconds(1) ... .seconds(3_600))) { $0.probe.readDeadline = $1 },
        ConfigKey("probe.confirm_after", .duration(in: .seconds(1) ... .seconds(3_600))) { $0.probe.confirmAfter = $1 },
        ConfigKey("probe.facts_interval", .duration(in: .seconds(60) ... .seconds(7 * 86_400))) { $0.probe.factsInterval = $1 },

        ConfigKey("snmp.version", .choice(SNMPVersion.self)) { $0.snmp.version = $1 },
        ConfigKey("snmp.community", .string) { $0.snmp.community = $1 },
        ConfigKey("snmp.port", .integer(in: Port.validRange)) { $0.snmp.port = $1 },
        ConfigKey("snmp.v3_user", .string) { $0.snmp.v3User = $1 },
        ConfigKey("snmp.v3_level", .choice(SNMPSettings.SecurityLevel.self)) { $0.snmp.v3Level = $1 },
        ConfigKey("snmp.v3_auth_protocol", .choice(SNMPSettings.AuthProtocol.self)) { $0.snmp.v3AuthProtocol = $1 },
        ConfigKey("snmp.v3_auth_key", .secret(minimumLength: 8)) { $0.snmp.v3AuthKey = $1 },
        ConfigKey("snmp.v3_priv_protocol", .choice(SNMPSettings.PrivProtocol.self)) { $0.snmp.v3PrivProtocol = $1 },
        ConfigKey("snmp.v3_priv_key", .secret(minimumLength: 8)) { $0.snmp.v3PrivKey = $1 },

        ConfigKey("schedule.timezone", .timezone) { $0.schedule.timezone = $1 },
        ConfigKey("schedule.days", .weekdays) { $0.schedule.days = Set($1) },
        ConfigKey("schedule.hours", .hours) { $0.schedule.start = $1.lowerBound; $0.schedule.end = $1.upperBound },
        ConfigKey("schedule.holidays", .dates) { $0.schedule.holidays = Set($1) },
        ConfigKey("schedule.kinds", .kinds) { $0.schedule.kinds = Set($1) },

        ConfigKey("discovery.networks", .sweepRanges) { $0.discovery.networks = $1 },
        ConfigKey("discovery.interval", .duration(in: .seconds(60) ... .seconds(30 * 86_400))) { $0.discovery.interval = $1 },
        ConfigKey("discovery.rate", .integer(in: 1...100_000)) { $0.discovery.rate = $1 },
        ConfigKey("discovery.max_addresses", .integer(in: 1...1_048_576)) { $0.discovery.maxAddresses = $1 },
        ConfigKey("discovery.timeout", .duration(in: DurationText.timeout)) { $0.discovery.timeout = $1 },
        ConfigKey("discovery.communities", .strings) { $0.discovery.communities = $1 },

        ConfigKey("retention.raw_days", .integer(in: 1...36_500)) { $0.retention.rawDays = $1 },

        ConfigKey("report.internet_targets", .addresses) { $0.report.internetTargets = $1 },
        // The whole-document DOCX's administrative frame (kiemke report --format docx --document).
        ConfigKey("report.issuing_body", .lines) { $0.report.letterhead.issuingBody = $1 },
        ConfigKey("report.place", .cleanText) { $0.report.letterhead.place = $1.isEmpty ? nil : $1 },
        ConfigKey("report.number", .cleanText) { $0.report.letterhead.number = $1.isEmpty ? nil : $1 },
        ConfigKey("report.symbol", .cleanText) { $0.report.letterhead.symbol = $1 },
        ConfigKey("report.subject", .cleanText) { $0.report.letterhead.subject = $1.isEmpty ? nil : $1 },
        ConfigKey("report.signer_position", .lines) { $0.report.letterhead.signerPosition = $1 },
        ConfigKey("report.signer_name", .cleanText) { $0.report.letterhead.signerName = $1.isEmpty ? nil : $1 },
        ConfigKey("report.recipients", .cleanTexts) { $0.report.letterhead.recipients = $1 },

        // The office's web page (kiemke daemon serves it when listen is set; kiemke web reads the rest).
        ConfigKey("web.listen", .listenAddress) { $0.web.listen = $1 },
        ConfigKey("web.require_login", .boolean) { $0.web.requireLogin = $1 },
        ConfigKey("web.session_timeout", .duration(in: .seconds(60) ... .seconds(30 * 86_400))) { $0.web.sessionTimeout = $1 },
        ConfigKey("web.secure_cookies", .boolean) { $0.web.secureCookies = $1 },

        ConfigKey("readiness.staff", .integer(in: 0...1_000_000)) { $0.readiness.staff = $1 },
        ConfigKey("readiness.staff_with_official_email", .integer(in: 0...1_000_000)) { $0.readiness.staffWithOfficialEmail = $1 },
        ConfigKey("readiness.digital_signatures", .integer(in: 0...1_000_000)) { $0.readiness.digitalSignatures = $1 },
        ConfigKey("readiness.software", .strings) { $0.readiness.software = $1.map(NameKey.clean) },
        ConfigKey("readiness.online_meeting_room", .boolean) { $0.readiness.onlineMeetingRoom = $1 },
        ConfigKey("readiness.computers_with_security_software", .integer(in: 0...1_000_000)) { $0.readiness.computersWithSecuritySoftware = $1 },
        ConfigKey("readiness.online_meetings_requested", .integer(in: 0...1_000_000)) { $0.readiness.onlineMeetingsRequested = $1 },
        ConfigKey("readiness.online_meetings_held", .integer(in: 0...1_000_000)) { $0.readiness.onlineMeetingsHeld = $1 },
        ConfigKey("readiness.documents_total", .integer(in: 0...100_000_000)) { $0.readiness.documentsTotal = $1 },
        ConfigKey("readiness.documents_in_software", .integer(in: 0...100_000_000)) { $0.readiness.documentsInSoftware = $1 },
        ConfigKey("readiness.iso_9001", .cleanText) { $0.readiness.iso9001 = $1.isEmpty ? nil : $1 },
        ConfigKey("sync.url", .string) { $0.sync.url = $1.isEmpty ? nil : $1 },
        ConfigKey("sync.office_code", .string) { $0.sync.officeCode = $1 },
        ConfigKey("sync.office_name", .cleanText) { $0.sync.officeName = $1 },
        ConfigKey("sync.password", .string) { $0.sync.password = $1 },
        ConfigKey("sync.interval", .duration(in: .seconds(10) ... .seconds(86_400))) { $0.sync.interval = $1 },
        ConfigKey("sync.batch_size", .integer(in: 1...100_000)) { $0.sync.batchSize = $1 },
        ConfigKey("sync.round_deadline", .duration(in: .seconds(5) ... .seconds(86_400))) { $0.sync.roundDeadline = $1 },
        ConfigKey("readiness.public_service_computers", .strings) { $0.readiness.publicServiceComputers = $1.map(NameKey.clean) },
    ]

    /// Keys whose values are secrets: a file holding any of them should not be world-readable
    /// (`snmp.communities.NAME` too: `SecretScrubber.isSecret`).
    static let secretKeys: Set<String> = ["snmp.community", "snmp.v3_auth_key", "snmp.v3_priv_key", "sync.password"]
}

extension Configuration.KindSettings {
    /// The keys of a `[kinds.NAME]` table.
    static let keys: [ConfigKey<Configuration.KindSettings>] = [
        ConfigKey("interval", .duration(in: DurationText.interval)) { $0.interval = $1 },
        ConfigKey("schedule", .choice(DeviceSchedule.self)) { $0.schedule = $1 },
        ConfigKey("tcp_ports", .integers(in: Port.validRange)) { $0.tcpPorts = $1 },
        ConfigKey("facts_interval", .duration(in: .seconds(60) ... .seconds(7 * 86_400))) { $0.factsInterval = $1 },
    ]
}

extension ConfigType where Value == ListenAddress {
    /// "HOST:PORT" to serve the web page on.
    static var listenAddress: Self {
        Self { entry throws(ConfigError) in
            let s = try ConfigType<String>.string.read(entry)
            guard let address = ListenAddress(s) else { throw entry.invalid(ListenAddress.problem(with: s) ?? "is not HOST:PORT") }
            return address
        }
    }
}
