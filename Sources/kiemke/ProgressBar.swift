import Discovery
import Foundation
import Synchronization

/// A one-line progress bar on standard error for sweeps that take more than a second; silent when
/// standard error is not a terminal.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let start = ContinuousClock.now
    private let shown = Mutex<Bool>(false)

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: SweepProgress) {
        guard enabled, ContinuousClock.now - start > .seconds(1) else { return }
        let share = progress.total == 0 ? 1 : Double(progress.done) / Double(progress.total)
        let filled = Int(share * 30)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        let left = Int(progress.secondsLeft.rounded())
        let line = "\r[\(bar)] " + Say.text("\(progress.done)/\(progress.total) hosts, \(progress.found) found, about \(left) s left ",
                                             vi: "\(progress.done)/\(progress.total) địa chỉ, tìm thấy \(progress.found), còn khoảng \(left) giây ")
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard shown.withLock({ $0 }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
