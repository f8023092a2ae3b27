import Inventory

extension CSVSeparator {
    /// How a Vietnamese reader calls it, for "các trường cách nhau bằng ...".
    public var vietnameseName: String {
        switch self {
        case .comma: "dấu phẩy"
        case .semicolon: "dấu chấm phẩy"
        case .tab: "dấu tab"
        }
    }
}
