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
            throw InputError("[sync] url: \(error)", vi: "[sync] url: \(error.vietnamese)")
        }
        guard !sync.officeCode.isEmpty else {
            throw InputError("[sync] office_code is missing: set the code the province gave this office (its account is kiemke_CODE)",
                             vi: "thiếu [sync] office_code: hãy đặt mã mà tỉnh cấp cho cơ quan này (tài khoản của cơ quan là kiemke_MÃ)")
        }
        do {
            try ProvinceOffices.check(code: sync.officeCode)
        } catch {
            throw InputError("[sync] office_code: \(error)", vi: "[sync] office_code: \(error.vietnamese)")
        }
        let office = CommuneUpload.Office(code: sync.officeCode, name: sync.officeName.isEmpty ? self.office : sync.officeName,
                                          profile: OfficeProfile(reportName: self.office, hours: schedule, readiness: readiness))
        return SyncSettings(url: url, password: sync.password, office: office, hours: schedule,
                            batchSize: sync.batchSize, roundDeadline: Double(sync.roundDeadline.components.seconds), interval: sync.interval)
    }
}
