import Foundation
import Inventory
import ProvinceStore
import ProvinceSync

extension Configuration {
    /// The sync settings `[sync]` gives; nil when `url` is unset. Throws an input error naming the
    /// key when the URL or the office code is unusable.
    public func syncSettings() throws -> SyncSettings? {
        guard let text = sync.url else { return nil }
        let url: ProvinceURL
        do {
            url = try ProvinceURL(text)
        } catch {
            throw InputError("[sync] url: \(error)")
        }
        guard !sync.officeCode.isEmpty else {
            throw InputError("[sync] office_code is missing: set the code the province gave this office (its account is kiemke_CODE)")
        }
        do {
            try ProvinceOffices.check(code: sync.officeCode)
        } catch {
            throw InputError("[sync] office_code: \(error)")
        }
        let office = CommuneUpload.Office(code: sync.officeCode, name: sync.officeName.isEmpty ? self.office : sync.officeName,
                                          profile: OfficeProfile(reportName: self.office, hours: schedule, readiness: readiness))
        return SyncSettings(url: url, password: sync.password, office: office, hours: schedule,
                            batchSize: sync.batchSize, roundDeadline: Double(sync.roundDeadline.components.seconds), interval: sync.interval)
    }
}
