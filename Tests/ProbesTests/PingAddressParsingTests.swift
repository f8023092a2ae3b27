import Probes
import Testing
import KiemkeCore

@Suite("IP addresses parse strictly")
struct PingAddressParsingTests {
    @Test("dotted quads and IPv6 text parse and print back", arguments: [
        "127.0.0.1", "198.18.1.7", "0.0.0.0", "255.255.255.255", "::1", "fe80::1", "2001:db8::a:b",
    ])
    func roundTrip(text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == text)
    }

    @Test("names, shorthand, ports, scopes and junk are rejected", arguments: [
        "", "localhost", "1.2.3", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", "1.2.3.4:80", "fe80::1%eth0",
        "1.2.3.4/24", ":::", "12345::", "1.2.3.4.5",
    ])
    func rejects(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("IPv4 is held in host order and orders numerically")
    func ordering() throws {
        #expect(IPAddress("10.0.0.1") == .v4(0x0a00_0001))
        #expect(try #require(IPAddress("10.0.0.2")) < #require(IPAddress("10.0.0.10")))
        #expect(try #require(IPAddress("10.0.0.2")) < #require(IPAddress("::1")))
    }
}

@Suite("CIDR blocks expand to the hosts to probe")
struct PingNetworkExpansionTests {
    @Test("a /30 gives its two hosts, without network and broadcast")
    func slash30() throws {
        let hosts = try IPNetwork("198.18.1.5/30").hosts.map(\.description)
        #expect(hosts == ["198.18.1.5", "198.18.1.6"])
    }

    @Test("a /22 gives 1,022 hosts; /31 and /32 give every address")
    func sizes() throws {
        #expect(try IPNetwork("198.18.0.0/22").hosts.count == 1_022)
        #expect(try IPNetwork("198.18.0.0/31").hosts.count == 2)
        #expect(try IPNetwork("198.18.0.9").hosts == [.v4(0xc612_0009)])
        #expect(try IPNetwork("fd00::/126").hosts.map(\.description) == ["fd00::", "fd00::1", "fd00::2", "fd00::3"])
    }

    @Test("malformed prefixes are named in the error")
    func malformed() {
        #expect(throws: IPNetworkError.malformed("198.18.0.0/33")) { try IPNetwork("198.18.0.0/33") }
        #expect(throws: IPNetworkError.malformed("host/24")) { try IPNetwork("host/24") }
        #expect(throws: IPNetworkError.malformed("1.2.3.4/+8")) { try IPNetwork("1.2.3.4/+8") }
    }

    @Test("blocks beyond a sweep's size are refused")
    func tooLarge() {
        #expect(throws: IPNetworkError.tooLarge("10.0.0.0/8", maximum: IPNetwork.maximumHostCount)) {
            try IPNetwork("10.0.0.0/8")
        }
    }
}
