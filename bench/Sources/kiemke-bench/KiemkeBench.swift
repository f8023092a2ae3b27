import ArgumentParser

/// `kiemke-bench`: the Swift half of `bench/run` — builds benchmark databases and times the
/// engine in process, printing JSON that the shell half compares with its peers.
///
/// It is a benchmark driver, not a product command: CI never runs it.
@main
struct KiemkeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiemke-bench",
        abstract: "Benchmark driver for bench/run: data generation and in-process timings.",
        subcommands: [SeedCommand.self, SNMPPollCommand.self, ClassifyCommand.self, ProvinceBenchCommand.self,
                      ProvinceSimulateCommand.self])
}
