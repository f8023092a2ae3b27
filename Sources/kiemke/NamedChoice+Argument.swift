import Agent
import ArgumentParser
import Inventory
import Probes
import KiemkeCore

// The enums the config reads are the options' types too: the same names, case ignored, are
// accepted in both places, and a typo on the command line is a usage error (exit 2).

extension SNMPVersion: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension SNMPSettings.SecurityLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension SNMPSettings.AuthProtocol: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension SNMPSettings.PrivProtocol: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension ReportLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension DeviceSchedule: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
