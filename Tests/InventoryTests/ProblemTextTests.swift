@testable import Inventory
import KiemkeCore
import Testing

/// Words that never stand in Vietnamese prose: one of them is English left over.
private let englishMarkers = [" the ", " is ", " are ", " not ", " cannot ", " of ", " and ", " with ", " from ", " was ",
                              " use ", " write ", " must ", " has ", " holds ", " before ", " after ", " line "]

/// Every sentence the value rules write, made by the rules themselves (not copied), so a reworded
/// rule without its Vietnamese fails here.
private let sentences: [String] = [
    DeviceKind.notAKind("máy giặt"), DeviceKind.notAKind("zzzzzzzzzzzz"),
    Condition.notACondition("xyz"), Condition.notACondition("hongg"),
    DurationText.DurationProblem.noUnit("5").description, DurationText.DurationProblem.notPositive("0s").description,
    DurationText.problem("abc"), DurationText.problem("3d", in: DurationText.interval),
    DeviceAddress.expected, "\"70000\" is not a port: \(Port.rangeDescription)", Port.rangeDescription,
    DeviceTextRules.nameProblem("") ?? "", DeviceTextRules.nameProblem("\u{1}") ?? "", DeviceTextRules.nameProblem("a\u{1}b") ?? "",
    DeviceTextRules.nameProblem("a\u{202E}b") ?? "", DeviceTextRules.nameProblem(String(repeating: "n", count: 120)) ?? "",
    DeviceTextRules.locationProblem("a\u{1}") ?? "", DeviceTextRules.locationProblem(String(repeating: "l", count: 500)) ?? "",
    DeviceTextRules.noteProblem("a\u{1}") ?? "", DeviceTextRules.noteProblem(String(repeating: "n", count: 2_001)) ?? "",
    DeviceTextRules.communityProblem("@bad name") ?? "", DeviceTextRules.communityProblem("a\u{1}") ?? "",
    DeviceTextRules.communityProblem(String(repeating: "c", count: 300)) ?? "",
    OfficeDate.Failure.malformed("15/03/2023").description, OfficeDate.Failure.noSuchDate("2023-02-30").description,
    OfficeDate.Failure.inFuture("2099-01-01").description,
]

@Suite("ProblemText: the value rules' sentences in Vietnamese")
struct ProblemTextTests {
    @Test("every rule's pattern compiles")
    func compiles() {
        #expect(ProblemText.allRulesCompile)
    }

    @Test("each sentence the rules write comes out Vietnamese, keeping the values it quotes", arguments: sentences.indices)
    func translated(_ index: Int) {
        let english = sentences[index]
        #expect(!english.isEmpty)
        let vi = ProblemText.vietnamese(english)
        #expect(vi != english, "not translated: \(english)")
        let padded = " " + vi.lowercased() + " "
        let left = englishMarkers.filter { padded.contains($0) }
        #expect(left.isEmpty, "English left (\(left)) in: \(vi)")
        for token in english.split(separator: " ") where token.contains(where: \.isNumber) && !token.contains("U+") {
            #expect(vi.contains(token.trimmingCharacters(in: .punctuationCharacters)), "\(token) is missing from: \(vi)")
        }
    }

    @Test("the probes' one-word reasons, in a summary, and never inside an option's name", arguments: [
        ("icmp: timeout; tcp: refused", "icmp: hết thời gian chờ; tcp: bị từ chối"),
        ("host unreachable", "không tới được máy"),
        ("no route", "không có đường tới"),
        ("unreachable (code 3)", "không tới được (mã 3)"),
        ("--timeout 1e13s is outside 50ms to 60s", "--timeout 1e13s nằm ngoài khoảng 50ms đến 60s"),
    ])
    func probeReasons(_ english: String, _ vietnamese: String) {
        #expect(ProblemText.vietnamese(english) == vietnamese)
    }

    @Test("text no rule knows is left as it was")
    func unknown() {
        #expect(ProblemText.vietnamese("máy in hết mực") == "máy in hết mực")
        #expect(ProblemText.vietnamese("") == "")
    }
}
