import Inventory
import Probes
import KiemkeCore

extension Configuration {
    /// Every key of the config file outside `[kinds.*]`.
    static let keys: [ConfigKey<Configuration>] = [
        ConfigKey("office", .cleanText) { $0.office = $1 },
        ConfigKey("database", .string) { $0.database = $1 },
        ConfigKey("language", .choice(ReportLanguage.self)) { $0.language = $1 },
        ConfigKey("secrets", .string) { $0.secretsFile = $1 },

        ConfigKey("probe.interval", .duration) { $0.probe.interval = $1 },
        ConfigKey("probe.timeout", .duration) { $0.probe.timeout = $1 },
        ConfigKey("probe.retries", .integer(in: 0...10)) { $0.probe.retries = $1 },
        ConfigKey("probe.concurrency", .integer(in: 1...10_000)) { $0.probe.concurrency = $1 },
        ConfigKey("probe.down_after", .integer(in: 1...100)) { $0.probe.downAfter = $1 },
        ConfigKey("probe.confirm_after", .duration) { $0.probe.confirmAfter = $1 },
        ConfigKey("probe.facts_interval", .duration) { $0.probe.factsInterval = $1 },

        ConfigKey("snmp.version", .choice(SNMPVersion.self)) { $0.snmp.version = $1 },
        ConfigKey("snmp.community", .string) { $0.snmp.community = $1 },
        ConfigKey("snmp.port", .integer(in: Port.validRange)) { $0.snmp.port = $1 },
        ConfigKey("snmp.v3_user", .string) { $0.snmp.v3User = $1 },
        ConfigKey("snmp.v3_level", .choice(SNMPSettings.SecurityLevel.self)) { $0.snmp.v3Level = $1 },
        ConfigKey("snmp.v3_auth_protocol", .choice(SNMPSettings.AuthProtocol.self)) { $0.snmp.v3AuthProtocol = $1 },
        ConfigKey("snmp.v3_auth_key", .string) { $0.snmp.v3AuthKey = $1 },
        ConfigKey("snmp.v3_priv_protocol", .choice(SNMPSettings.PrivProtocol.self)) { $0.snmp.v3PrivProtocol = $1 },
        ConfigKey("snmp.v3_priv_key", .string) { $0.snmp.v3PrivKey = $1 },

        ConfigKey("schedule.timezone", .timezone) { $0.schedule.timezone = $1 },
        ConfigKey("schedule.days", .weekdays) { $0.schedule.days = Set($1) },
        ConfigKey("schedule.hours", .hours) { $0.schedule.start = $1.lowerBound; $0.schedule.end = $1.upperBound },
        ConfigKey("schedule.holidays", .dates) { $0.schedule.holidays = Set($1) },
        ConfigKey("schedule.kinds", .kinds) { $0.schedule.kinds = Set($1) },

        ConfigKey("retention.raw_days", .integer(in: 1...36_500)) { $0.retention.rawDays = $1 },

        ConfigKey("report.internet_targets", .strings) { $0.report.internetTargets = $1 },

        ConfigKey("readiness.staff", .integer(in: 0...1_000_000)) { $0.readiness.staff = $1 },
        ConfigKey("readiness.staff_with_official_email", .integer(in: 0...1_000_000)) { $0.readiness.staffWithOfficialEmail = $1 },
        ConfigKey("readiness.digital_signatures", .integer(in: 0...1_000_000)) { $0.readiness.digitalSignatures = $1 },
        ConfigKey("readiness.software", .strings) { $0.readiness.software = $1.map(NameKey.clean) },
        ConfigKey("readiness.online_meeting_room", .boolean) { $0.readiness.onlineMeetingRoom = $1 },
    ]

    /// Keys whose values are secrets: a file holding any of them should not be world-readable.
    static let secretKeys: Set<String> = ["snmp.community", "snmp.v3_auth_key", "snmp.v3_priv_key"]
}

extension Configuration.KindSettings {
    /// The keys of a `[kinds.NAME]` table.
    static let keys: [ConfigKey<Configuration.KindSettings>] = [
        ConfigKey("interval", .duration) { $0.interval = $1 },
        ConfigKey("schedule", .choice(DeviceSchedule.self)) { $0.schedule = $1 },
        ConfigKey("tcp_ports", .integers(in: Port.validRange)) { $0.tcpPorts = $1 },
        ConfigKey("facts_interval", .duration) { $0.factsInterval = $1 },
    ]
}
