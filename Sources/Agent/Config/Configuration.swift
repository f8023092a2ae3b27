import Foundation
import Inventory
import Probes
import KiemkeCore

/// Everything `config/kiemke.toml` can set, with the defaults an office gets without a file.
public struct Configuration: Sendable, Equatable {
    /// The office's name as the report heads it ("UBND xã Minh Đức").
    public var office = ""
    /// The database file; `--db` and `KIEMKE_DB` take precedence.
    public var database: String?
    /// The report's default language.
    public var language = ReportLanguage.vi
    /// A second file holding SNMP communities and v3 keys, so the main config can be readable by all.
    public var secretsFile: String?

    public var probe = ProbeSettings()
    public var snmp = SNMPDefaults()
    /// The office's working hours, outside which computers are expected to be off.
    public var schedule = OfficeHours()
    public var retention = Retention()
    /// Finding devices: the office's subnets and the sweep's pace (issue 17).
    public var discovery = DiscoverySettings()
    public var kinds: [DeviceKind: KindSettings] = [:]
    public var report = ReportSettings()
    /// Facts no probe can measure, printed in the report only when given.
    public var readiness = ReadinessFacts()
    /// Feeding the province's PostgreSQL (`[sync]`); off while `url` is unset.
    public var sync = SyncConfig()
    /// The office's web page (`[web]`): off unless `listen` is set.
    public var web = WebSettings()

    /// Files that hold secrets and can be read by every user; the caller warns about them.
    public var exposedSecretFiles: [String] = []

    public init() {}

    /// How and how often devices are probed.
    public struct ProbeSettings: Sendable, Equatable {
        public var interval: Duration = .seconds(300)
        public var timeout: Duration = .seconds(1)
        public var retries = 2
        public var concurrency = 1024
        /// Consecutive failed probes before a device counts as down.
        public var downAfter = 2
        /// The longest one device's SNMP read may take, whatever the device does.
        public var readDeadline: Duration = ReadLimits.defaultDeadline
        /// How soon a device whose probe failed is probed again, instead of a whole interval later.
        public var confirmAfter: Duration = .seconds(15)
        /// How often the full SNMP read (system, storage, supplies, page counter, errors, interfaces) is made.
        public var factsInterval: Duration = .seconds(3600)
        public init() {}
    }

    /// SNMP settings for devices that set none of their own.
    public struct SNMPDefaults: Sendable, Equatable {
        public var version = SNMPVersion.v2c
        public var community = "public"
        public var port = 161
        public var v3User: String?
        public var v3Level = SNMPSettings.SecurityLevel.authPriv
        public var v3AuthProtocol = SNMPSettings.AuthProtocol.sha
        public var v3AuthKey: String?
        public var v3PrivProtocol = SNMPSettings.PrivProtocol.aes
        public var v3PrivKey: String?
        /// Named communities (`[snmp.communities]`, in the secrets file), which a device names as
        /// `snmp_community = "@NAME"` so that the community is not stored in the database.
        public var communities: [String: String] = [:]
        public init() {}
    }

    /// How long raw observations are kept before only hourly and daily rollups remain.
    public struct Retention: Sendable, Equatable {
        public var rawDays = 90
        public init() {}
    }

    /// Per-kind overrides.
    public struct KindSettings: Sendable, Equatable {
        public var interval: Duration?
        /// Whether devices of this kind follow office hours.
        public var schedule: DeviceSchedule?
        public var tcpPorts: [Int]?
        public var factsInterval: Duration?
        public init() {}
    }

    /// What the report adds beyond device data.
    public struct ReportSettings: Sendable, Equatable {
        /// Internet addresses whose reachability stands for the office's internet link.
        public var internetTargets: [String] = []
        /// The whole-document DOCX's issuing body, number, place, signer and recipients.
        public var letterhead = ReportLetterhead()
        public init() {}
    }
}
