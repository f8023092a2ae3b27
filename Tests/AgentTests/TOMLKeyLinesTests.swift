@testable import Agent
import Testing

@Suite("Lines of config keys")
struct TOMLKeyLinesTests {
    static let text = """
        office = "x = y"   # a comment with key = value
        a.b = 1
        "quoted.key" = 2
        notes = \"\"\"
        fake = 3
        \"\"\"
        [probe]
        interval = "5m"
        [kinds . camera]
        tcp_ports = [
          554, # rtsp = video
          80,
        ]
        report = { internet_targets = ["192.0.2.1"] }
        """

    @Test("each key is placed on the line it was written on", arguments: [
        (["office"], 1),
        (["a", "b"], 2),
        (["quoted.key"], 3),
        (["notes"], 4),
        (["fake"], 1),  // inside a multi-line string: not a key, so nothing more specific than the top
        (["probe", "interval"], 8),
        (["probe"], 7),
        (["kinds", "camera", "tcp_ports"], 10),
        (["kinds", "camera", "report", "internet_targets"], 14),  // in an inline table: its parent's line
    ])
    func lines(path: [String], line: Int) {
        #expect(TOMLKeyLines(Self.text).line(of: path) == line)
    }

    @Test("TOMLKit's entries carry those lines and come in the file's order")
    func entries() throws {
        let entries = try ConfigDocument.entries(of: "[probe]\ntimeout = \"1s\"\n\n[snmp]\nport = 161\n[probe.x]\ny = true\n", file: "k.toml")
        #expect(entries.map(\.path) == ["probe.timeout", "snmp.port", "probe.x.y"])
        #expect(entries.map(\.line) == [2, 5, 7])
        #expect(entries.map(\.value) == [.string("1s"), .integer(161), .boolean(true)])
    }
}
