import Agent
import Testing

@Suite("Global options are read wherever they stand")
struct GlobalArgumentPositionTests {
    @Test("hoisting", arguments: [
        (["devices", "--db", "a", "list"], ["devices", "list", "--db", "a"]),
        (["--log-level", "info", "ping", "127.0.0.1"], ["ping", "127.0.0.1", "--log-level", "info"]),
        (["ping", "--db=a", "127.0.0.1"], ["ping", "127.0.0.1", "--db=a"]),
        (["mark", "PC", "x", "--", "--db", "a"], ["mark", "PC", "x", "--", "--db", "a"]),
        (["devices", "--config", "k", "import", "-", "--", "y"], ["devices", "import", "-", "--config", "k", "--", "y"]),
    ])
    func hoisted(arguments: [String], expected: [String]) {
        #expect(GlobalArguments.hoisted(arguments) == expected)
    }
}
