import Foundation
import Testing
import TestSupport

/// Why the package test cannot run here, or nil.
private let packageTestUnavailable: String? = {
    // scripts/test runs it in a pass of its own, after the others: it builds a second kiemke
    // (static Swift runtime: minutes of both cores), which would slow the timed suites beside it.
    let mode = ProcessInfo.processInfo.environment["KIEMKE_PACKAGE_TEST"] ?? ""
    if mode != "1" && mode != "release" {
        return "scripts/test runs it in its last pass (KIEMKE_PACKAGE_TEST=1: a debug package; =release: the office's release build, about 15 minutes)"
    }
    if getuid() != 0 { return "needs root (chroot and mounts)" }
    for tool in ["/usr/bin/dpkg-deb", "/usr/sbin/chroot", "/usr/bin/unshare"]
    where !FileManager.default.isExecutableFile(atPath: tool) {
        return "\(tool) is missing (scripts/install-deps installs it)"
    }
    let root = ProcessInfo.processInfo.environment["KIEMKE_TEST_ROOT"] ?? "/var/cache/kiemke-test-root"
    if !FileManager.default.fileExists(atPath: root + "/ready") {
        return "no minimal Debian root in \(root): scripts/install-deps makes it with scripts/package-test-root"
    }
    return nil
}()

@Suite("Debian package: builds, installs where no Swift exists, runs, removes, purges",
       .enabled(if: packageTestUnavailable == nil, "\(packageTestUnavailable ?? "")"),
       .timeLimit(.minutes(25)))
struct PackageInstallTests {
    /// scripts/test-package does the work: it builds the package (static Swift runtime; debug
    /// unless KIEMKE_PACKAGE_TEST=release), installs it with apt into a copy of the minimal
    /// Debian 12 root, offline, runs `kiemke --help`, `devices import`, `mark` and `report`
    /// there, then remove and purge.
    @Test("scripts/test-package passes")
    func installsAndRuns() async throws {
        let script = SharedFixtures.packageRoot.appendingPathComponent("scripts/test-package")
        let release = ProcessInfo.processInfo.environment["KIEMKE_PACKAGE_TEST"] == "release"
        let run = try await KiemkeProcess.run(script, release ? [] : ["--debug"],
                                              environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
        #expect(run.status == 0, "scripts/test-package failed:\n\(run.stderr.suffix(6000))")
        #expect(run.stderr.contains("scripts/test-package: passed"))
    }
}
