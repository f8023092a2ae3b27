import Foundation
import Inventory

/// What the user asked `kiemke report` for, before it is checked.
public struct ReportRequest: Sendable {
    public var period: String?
    public var from: String?
    public var to: String?

    public init(period: String? = nil, from: String? = nil, to: String? = nil) {
        self.period = period
        self.from = from
        self.to = to
    }

    /// The period asked for; with neither --period nor --from/--to, the current half-year to today.
    public func resolve(now: Date, calendar: Calendar) throws -> ReportPeriod {
        do {
            switch (period, from, to) {
            case (let period?, nil, nil):
                return try ReportPeriod(parsing: period)
            case (nil, nil, nil):
                return ReportPeriod.currentHalf(now: now, calendar: calendar)
            case (nil, let from, let to):
                let today = DayKey.string(for: now, calendar: calendar)
                return try ReportPeriod(fromDay: from ?? ReportPeriod.currentHalf(now: now, calendar: calendar).from, toDay: to ?? today)
            default:
                throw InputError("give either --period or --from/--to, not both")
            }
        } catch let failure as ReportPeriod.Failure {
            throw InputError(failure.description)
        }
    }
}

extension Workspace {
    /// Computes the digital-government section for `request` from `store`, with the config's office facts.
    public func report(store: InventoryStore, request: ReportRequest, now: Date = Date()) throws -> DigitalGovernmentReport {
        let hours = configuration.schedule
        let period = try request.resolve(now: now, calendar: hours.calendar)
        return try DigitalGovernmentReport(store: store, period: period, hours: hours, office: configuration.office,
                                           readiness: configuration.readiness, now: now)
    }
}
