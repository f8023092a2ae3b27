import Foundation
import Inventory
import PropertyBased
import Testing

@Suite("Durations people write")
struct DurationTextTests {
    @Test("plain decimals with a unit are read", arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("5m", .seconds(300)), ("1h", .seconds(3600)),
        ("1d", .seconds(86_400)), ("1.5m", .seconds(90)), ("90", .seconds(90)), (" 2 M ", .seconds(120)), ("0.25s", .milliseconds(250)),
    ])
    func valid(text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test("anything else is refused, never a trap", arguments: [
        "inf", "nan", "infs", "-inf", "1e400s", "1e16d", "999999999999d", "1e3s", "0x10", "0", "0s", "0.0001s", "-5s", "+5s",
        "", "s", "ms", ".", "1.2.3s", "5 minutes", "1_000", "١٢s", "5m5s", String(repeating: "9", count: 10_000),
    ])
    func refused(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test("ranges: interval 1 s to 1 day, timeout 50 ms to 60 s; the message names the bounds", arguments: [
        ("1s", DurationText.interval, true), ("1d", DurationText.interval, true), ("999ms", DurationText.interval, false),
        ("25h", DurationText.interval, false), ("50ms", DurationText.timeout, true), ("60s", DurationText.timeout, true),
        ("49ms", DurationText.timeout, false), ("1e13s", DurationText.timeout, false), ("61s", DurationText.timeout, false),
    ])
    func ranges(text: String, range: ClosedRange<Duration>, accepted: Bool) {
        #expect((DurationText.parse(text, in: range) != nil) == accepted)
        if !accepted, DurationText.parse(text) != nil {
            #expect(DurationText.problem(text, in: range).contains("is outside"))
        }
    }

    @Test("format writes back what parse reads; values no parse makes are written, not trapped on")
    func format() {
        #expect(DurationText.format(300) == "5m")
        #expect(DurationText.format(0.5) == "500ms")
        #expect(DurationText.format(86_400) == "24h")
        #expect(DurationText.format(.infinity) == "inf")
        #expect(DurationText.format(.nan) == "nan")
        #expect(DurationText.format(1e300) == "1e+300")
        #expect(DurationText.describe(.seconds(86_400)) == "1d")
    }

    @Test("the refusal quotes at most a short, escaped piece of the text")
    func problemIsShort() {
        let message = DurationText.problem("\u{1B}]52;c;" + String(repeating: "A", count: 100_000))
        #expect(message.count < 120)
        #expect(!message.unicodeScalars.contains("\u{1B}"))
    }
}

@Suite("Duration parser: properties")
struct DurationTextPropertyTests {
    /// Characters a duration is made of, and those that broke it: exponents, signs, "inf", "nan", hex.
    static let characters: [Character] = Array("0123456789.msdhMSDH eE+-infaxINFAX_\t") + ["\u{0}", "\u{1B}", "\u{0661}", "é", "日"]
    static let alphabet = Gen<Character?>.element(of: characters).map { $0 ?? "0" }

    @Test("no text traps; whatever parses is positive, whole milliseconds, and below 2^63 ns")
    func neverTraps() async {
        await propertyCheck(count: 2000, input: Self.alphabet.string(of: 0...24)) { text in
            if let d = DurationText.parse(text) {
                #expect(d > .zero)
                #expect(d.components.seconds < 9_000_000_000_000)
            }
            _ = DurationText.problem(text, in: DurationText.interval)
        }
    }

    @Test("any whole number of milliseconds, seconds, minutes, hours or days in range is read exactly")
    func exact() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...999_999_999), Gen<Int?>.element(of: [0, 1, 2, 3, 4]).map { $0 ?? 0 }) { n, index in
            let unit = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)][index]
            let ms = Int64(n) * Int64(unit.1)
            let parsed = DurationText.parse("\(n)\(unit.0)")
            if ms < 9_000_000_000_000_000 / 1000 {
                #expect(parsed == .milliseconds(ms))
            }
        }
    }
}
