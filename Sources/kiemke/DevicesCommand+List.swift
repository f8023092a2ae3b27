import Agent
import ArgumentParser
import Inventory

extension DevicesCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the devices (the CSV output imports back).",
            discussion: """
                The CSV starts with a UTF-8 byte-order mark so that Excel shows Vietnamese letters \
                (--no-bom for scripts), writes times in the office's time zone, and leaves SNMP \
                communities out unless --with-secrets; importing it back keeps the communities.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }
        enum Language: String, ExpressibleByArgument, CaseIterable { case vi, en }

        @OptionGroup var global: GlobalOptions
        @Option(help: "table, json or csv.") var format: Format = .table
        @Flag(help: "Include retired devices.") var all = false
        @Option(help: "Table columns, comma-separated, from: \(DeviceListing.tableColumns.joined(separator: ", ")).")
        var columns: String?
        @Option(help: "CSV headers: en (name,kind,...) or vi (tên,loại,...); the import reads both.") var lang: Language = .en
        @Flag(help: "CSV without the UTF-8 byte-order mark (for scripts).") var noBom = false
        @Flag(help: "CSV with the snmp_community column (SNMP communities are passwords).") var withSecrets = false

        func validate() throws {
            if let columns {
                let unknown = Self.split(columns).filter { !DeviceListing.tableColumns.contains($0) }
                if !unknown.isEmpty || Self.split(columns).isEmpty {
                    let named = unknown.map { "\"\($0)\"" }.joined(separator: ", "), known = DeviceListing.tableColumns.joined(separator: ", ")
                    throw ValidationError(Say.text("--columns: \(named) is not a column; use \(known)",
                                                   vi: "--columns: \(named) không phải cột; hãy dùng \(known)"))
                }
            }
        }

        func run() async throws {
            let store = try global.workspace().openStoreForReading()
            var listing = try DeviceListing(store: store, includeRetired: all)
            switch format {
            case .table:
                let wanted = columns.map(Self.split) ?? DeviceListing.defaultTableColumns
                if wanted.contains(where: { ["vendor", "model", "serial", "firmware"].contains($0) }) {
                    try listing.loadFacts(from: store)
                }
                print(listing.table(columns: wanted, language: MessageLanguage.current), terminator: "")
            case .json: print(try listing.json(), terminator: "")
            case .csv:
                let options = DeviceListing.CSVOptions(byteOrderMark: !noBom, vietnameseHeaders: lang == .vi, withSecrets: withSecrets)
                print(TerminalOutput.data(listing.csv(options)), terminator: "")
            }
        }

        private static func split(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
    }
}
