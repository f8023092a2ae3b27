import Foundation
import Inventory
import TestSupport

/// A store on a real SQLite file in a temporary folder.
struct StoreFixture {
    let folder = TemporaryDirectory()
    let store: InventoryStore

    init() throws {
        store = try InventoryStore(path: folder.path("kiemke.sqlite"))
    }

    /// The Minh Đức fixture, or nil when ../shared is absent.
    static var minhDucCSV: URL? { SharedFixtures.shared("fixtures/minh-duc/devices.csv") }
}
