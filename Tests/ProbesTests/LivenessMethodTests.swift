import Probes
import Testing

@Suite("Liveness: the cheapest probe that answered last time")
struct LivenessMethodTests {
    @Test("ICMP, else one SNMP GET, else a connect to the port that answered; a watched printer by its GET", arguments: [
        ("icmp,tcp:445,snmp", false, LivenessMethod.icmp as LivenessMethod?),
        ("icmp", false, .icmp),
        ("tcp:3389,snmp", false, .snmp),
        ("snmp", false, .snmp),
        ("tcp:445", false, .tcp(port: 445)),
        ("tcp:9100", false, .tcp(port: 9100)),
        ("", false, nil),
        ("tcp:?", false, nil),
        ("icmp,tcp:9100,snmp", true, .snmp),
        ("icmp,tcp:9100", true, .icmp),
        ("garbage,,:", false, nil),
    ])
    func cheapest(answeredBy: String, watchesStatus: Bool, expected: LivenessMethod?) {
        #expect(LivenessMethod.cheapest(answeredBy: answeredBy, watchesStatus: watchesStatus) == expected)
    }
}
