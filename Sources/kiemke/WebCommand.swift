import Agent
import ArgumentParser
import Foundation
import Inventory
import Logging
import OfficeWeb
import ServiceLifecycle

/// `kiemke web`: the office's web page from a database, without polling (a second PC, a test).
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve the office's web page from the database, without polling, until SIGTERM.",
        discussion: """
            The same pages `kiemke daemon` serves when the config sets [web] listen: status, device \
            pages, marks, reports and the device list. Changes need an account (`kiemke users add`).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to listen, HOST:PORT, e.g. 127.0.0.1:8080 (this PC) or 0.0.0.0:8080 (the LAN); default: the config's [web] listen.")
    var listen: String?

    func validate() throws {
        if let listen, let problem = ListenAddress.problem(with: listen) {
            throw ValidationError(Say.text("--listen: \(problem)", vi: "--listen: \(ProblemText.vietnamese(problem))"))
        }
    }

    func run() async throws {
        let workspace = try global.workspace()
        guard let address = listen.flatMap(ListenAddress.init) ?? workspace.configuration.web.listen else {
            throw InputError("give --listen HOST:PORT (e.g. 127.0.0.1:8080), or set [web] listen in the config",
                             vi: "hãy cho --listen HOST:PORT (ví dụ 127.0.0.1:8080), hoặc đặt [web] listen trong tệp cấu hình")
        }
        let store = try workspace.openExistingStore()
        let logger = Logger(label: "kiemke.web")
        let web = try OfficeWeb(store: store, source: ConfigurationSource(workspace.configuration), logger: logger)
        let app = web.application(listen: address)
        print(Say.text("serving the web page at http://\(address)/ from \(store.path) (SIGTERM or Ctrl-C stops)",
                       vi: "đang phục vụ trang web tại http://\(address)/ từ \(store.path) (SIGTERM hoặc Ctrl-C để dừng)"))
        let group = ServiceGroup(configuration: .init(services: [.init(service: app)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            // A port in use or not allowed is what a user meets here; say so in their language.
            throw WebListenError.from(error, address: address.description) ?? error
        }
    }
}
