import Probes
import Testing
import KiemkeCore

@Suite("TCP connect probes tell open, closed and silent ports apart")
struct TCPProberTests {
    static let loopbacks = ["127.0.0.1", "::1"]

    @Test("a listening port answers and is reported with its round-trip time", arguments: loopbacks)
    func open(text: String) async throws {
        let address = try #require(IPAddress(text))
        let sockets = TCPTestSockets()
        let closed = sockets.closedPort(on: address)
        let open = sockets.listener(on: address)
        let results = await TCPProber().probe([(address, [closed, open])], timeout: .seconds(2))
        let result = try #require(results[address])
        #expect(result == TCPResult(up: true, port: open, refused: false, rttMs: result.rttMs, reason: nil))
        #expect(try #require(result.rttMs) < 2_000)
    }

    @Test("a refused connection means the host is up with that port closed", arguments: loopbacks)
    func refused(text: String) async throws {
        let address = try #require(IPAddress(text))
        let sockets = TCPTestSockets()
        let closed = sockets.closedPort(on: address)
        let result = try #require(await TCPProber().probe([(address, [closed])], timeout: .seconds(2))[address])
        #expect(result.up && result.refused && result.port == closed && result.reason == nil, "\(result)")
    }

    @Test("a port that never answers is a timeout after about one timeout")
    func silent() async throws {
        let address = try #require(IPAddress("127.0.0.1"))
        let sockets = TCPTestSockets()
        let silent = sockets.silentPort(on: address)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try #require(await TCPProber().probe([(address, [silent])], timeout: .milliseconds(300))[address])
        let elapsed = clock.now - start
        #expect(result == TCPResult(up: false, port: nil, refused: false, rttMs: nil, reason: "timeout"))
        // The bound that matters is far below the kernel's own SYN timeout (over two minutes);
        // it is loose so that a loaded CI machine cannot fail it.
        #expect(elapsed >= .milliseconds(290) && elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("many targets share the bounded pool and each gets its own answer")
    func many() async throws {
        let sockets = TCPTestSockets()
        var targets: [(IPAddress, [UInt16])] = []
        var expected: [IPAddress: UInt16] = [:]
        for host in 1...40 {
            let address = try #require(IPAddress("127.91.0.\(host)"))
            let open = sockets.listener(on: address)
            targets.append((address, [sockets.closedPort(on: address), open]))
            expected[address] = open
        }
        let results = await TCPProber(maxConcurrentConnections: 8).probe(targets, timeout: .seconds(2))
        #expect(results.count == 40)
        for (address, port) in expected {
            #expect(results[address]?.port == port && results[address]?.refused == false, "\(address): \(String(describing: results[address]))")
        }
    }

    @Test("default ports follow the device kind")
    func defaults() {
        #expect(DeviceKind.computer.defaultTCPPorts == [445, 3389, 22])
        #expect(DeviceKind.printer.defaultTCPPorts == [9100, 631, 80])
        #expect(DeviceKind.copier.defaultTCPPorts == DeviceKind.printer.defaultTCPPorts)
        #expect(DeviceKind.camera.defaultTCPPorts == [554, 80])
        #expect(DeviceKind.scanner.defaultTCPPorts == [80])
        #expect(DeviceKind.network.defaultTCPPorts == [22, 23, 80, 443])
        #expect(DeviceKind.other.defaultTCPPorts == [80, 443])
    }
}
