import Testing

@Suite("The figure check reads cells as Vietnamese writes numbers, and notices a wrong one")
struct FigureTableCheckTests {
    @Test(arguments: [
        ("02", [2.0]), ("16", [16]), ("100% (24/24)", [100, 24, 24]), ("96,4% (27/28)", [96.4, 27, 28]),
        ("1.150", [1150]), ("95,8% (1.150/1.200 giờ)", [95.8, 1150, 1200]), ("–", []), ("", []),
    ])
    func numbers(cell: String, expected: [Double]) {
        #expect(FigureTableCheck.numbers(in: cell) == expected)
    }

    static let json = #"{"kinds": {"scanner": {"total": 2, "conditions": {"good": 1, "fair": 0, "degraded": 1, "broken": 0}, "#
        + #""reachable": 1, "networked": 2, "reachable_pct": 50.0, "availability_pct": null}}}"#
    static let header = ["Loại thiết bị", "Tổng", "Tốt", "Trung bình", "Xuống cấp", "Hỏng", "Kết nối", "Thời gian hoạt động"]

    @Test("a table that states the JSON's figures passes")
    func agrees() throws {
        try FigureTableCheck.check([Self.header, ["Máy Scan", "02", "01", "00", "01", "00", "50% (1/2)", "–"]], json: Self.json)
    }

    @Test("a wrong count, a wrong denominator or an invented percentage is caught", arguments: [
        ["Máy Scan", "03", "01", "00", "01", "00", "50% (1/2)", "–"],
        ["Máy Scan", "02", "01", "00", "01", "00", "50% (1/3)", "–"],
        ["Máy Scan", "02", "01", "00", "01", "00", "50% (1/2)", "99%"],
    ])
    func disagrees(row: [String]) throws {
        withKnownIssue {
            try FigureTableCheck.check([Self.header, row], json: Self.json)
        }
    }
}
