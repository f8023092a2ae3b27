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
    ///
    /// A date that is no real day, or a period that starts after `now`, is an input error.
    public func resolve(now: Date, calendar: Calendar) throws -> ReportPeriod {
        do {
            let period: ReportPeriod
            switch (self.period, from, to) {
            case (let text?, nil, nil):
                period = try ReportPeriod(parsing: text)
            case (nil, nil, nil):
                period = ReportPeriod.currentHalf(now: now, calendar: calendar)
            case (nil, let from, let to):
                // Each date is checked on its own first, so the message names the one that is wrong.
                if let from, DayKey(from) == nil { throw ReportPeriod.Failure.badDate(from) }
                if let to, DayKey(to) == nil { throw ReportPeriod.Failure.badDate(to) }
                let today = DayKey.string(for: now, calendar: calendar)
                period = try ReportPeriod(fromDay: from ?? ReportPeriod.currentHalf(now: now, calendar: calendar).from,
                                          toDay: to ?? max(today, from ?? today))
            default:
                throw InputError("give either --period or --from/--to, not both", vi: "hãy dùng --period hoặc --from/--to, không dùng cả hai")
            }
            _ = try period.span(now: now, calendar: calendar)
            return period
        } catch let failure as ReportPeriod.Failure {
            throw InputError(failure.description, vi: failure.vietnamese)
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
