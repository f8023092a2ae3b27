import ProvinceSync
import Testing

/// The daemon's wait after failed rounds, and when a failure is worth a log line.
@Suite("Sync backoff")
struct SyncBackoffTests {
    @Test("30 s doubling to at most 30 minutes", arguments: [
        (1, 30), (2, 60), (3, 120), (4, 240), (5, 480), (6, 960), (7, 1_800), (8, 1_800), (40, 1_800),
    ])
    func delays(failures: Int, seconds: Int) {
        var backoff = SyncBackoff(first: .seconds(30), maximum: .seconds(1_800))
        for _ in 0..<failures { _ = backoff.failed(reason: "down") }
        #expect(backoff.delay == .seconds(seconds))
    }

    @Test("logged once when sync starts failing, not at every try; a success starts over")
    func loggedOnce() {
        var backoff = SyncBackoff(first: .seconds(30), maximum: .seconds(1_800))
        #expect(backoff.delay == .zero)
        var logged: [Bool] = []
        logged.append(backoff.failed(reason: "connection refused"))
        logged.append(backoff.failed(reason: "connection refused"))
        logged.append(backoff.failed(reason: "timed out"))
        #expect(logged == [true, false, false])
        backoff.succeeded()
        #expect(backoff.failures == 0)
        let again = backoff.failed(reason: "connection refused")
        #expect(again)
    }
}
