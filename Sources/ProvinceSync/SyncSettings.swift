import Foundation
import Inventory
import ProvinceStore

/// What a sync round needs from the commune's config: where the province is, who this office is,
/// and how long each step may take.
public struct SyncSettings: Sendable {
    public var url: ProvinceURL
    /// `[sync] password` from the secrets file; nil to use the URL's.
    public var password: String?
    public var office: CommuneUpload.Office
    /// The office's hours: local days and which silences measured something.
    public var hours: OfficeHours
    /// Change-log entries (and state changes, observations) per batch, each batch one transaction.
    public var batchSize: Int
    public var deadlines: ProvinceConnection.Deadlines
    /// The longest a whole round may take.
    public var roundDeadline: Double
    /// Time between rounds when all is well.
    public var interval: Duration

    public init(url: ProvinceURL, password: String?, office: CommuneUpload.Office, hours: OfficeHours,
                batchSize: Int = 2_000, deadlines: ProvinceConnection.Deadlines = .init(),
                roundDeadline: Double = 300, interval: Duration = .seconds(300)) {
        self.url = url
        self.password = password
        self.office = office
        self.hours = hours
        self.batchSize = batchSize
        self.deadlines = deadlines
        self.roundDeadline = roundDeadline
        self.interval = interval
    }
}
