import Foundation
import TestSupport

/// A commune config file for the CLI tests: the office, the hours and readiness `CommuneHistory`
/// uses, and `[sync]`.
enum CLIConfig {
    static func write(in folder: TemporaryDirectory, office: String, url: String?, code: String, batchSize: Int = 2_000, interval: String = "5m",
                      extra: String = "") throws -> String {
        var text = """
            office = "\(office)"
            [schedule]
            holidays = ["2026-11-20"]
            [readiness]
            staff = 12
            staff_with_official_email = 10
            digital_signatures = 3
            software = ["Một cửa điện tử"]

            """
        if let url {
            text += """
                [sync]
                url = "\(url)"
                office_code = "\(code)"
                office_name = "\(office)"
                batch_size = \(batchSize)
                interval = "\(interval)"

                """ + extra
        }
        return try folder.write("kiemke.toml", text).path
    }
}
