import ArgumentParser
import FeedpubCore
import Foundation

/// The options of a build, shared by `build` and `publish`, and the build
/// as the command line runs it.
struct BuildOptions: ParsableArguments {
    @OptionGroup var corpus: CorpusOptions

    @Option(name: .shortAndLong, help: "The folder to write feeds to; overrides 'output'.")
    var output: String?

    @Flag(help: "Exit with status 1 when any page had a problem.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only problems and the summary line.")
    var quiet = false

    @Flag(help: "Print how long each step took.")
    var timings = false

    /// The configuration file's settings with the command-line overrides.
    func configuration() throws -> Configuration {
        try corpus.configuration(output: output)
    }

    /// Builds, printing the steps (unless `--quiet`), their times (with
    /// `--timings`), notices and problems on standard error, and the summary
    /// line on standard output.
    func build(_ configuration: Configuration) throws -> BuildReport {
        // The command ends with the build: what the build is done with is
        // left for the process's exit to take back, all at once.
        let publisher = Publisher(configuration: configuration, extraFiles: corpus.files, memoryRelease: .atExit)
        let report: BuildReport
        var steps: [(BuildStep, ContinuousClock.Instant)] = []
        do {
            report = try publisher.build { step in
                steps.append((step, .now))
                if !quiet {
                    FileHandleOutput.standardError.write(
                        "[\(step.rawValue)/\(BuildStep.allCases.count)] \(step.title)\n")
                }
            } notice: { message in
                FileHandleOutput.standardError.write("notice: \(message)\n")
            }
        } catch {
            throw FailedRun(message: error.description)
        }
        if timings {
            let ends = steps.dropFirst().map(\.1) + [.now]
            for ((step, start), end) in zip(steps, ends) {
                let seconds = ((end - start) / .seconds(1) * 1000).rounded() / 1000
                var line = "\(step.title): \(seconds) s"
                if step == .resolve {
                    line += report.entriesRelinked.map { " (the last build's, with \($0) Related entries linked again)" }
                        ?? " (every page)"
                }
                FileHandleOutput.standardError.write(line + "\n")
            }
        }
        for notice in report.notices { FileHandleOutput.standardError.write("notice: \(notice)\n") }
        for diagnostic in report.diagnostics { FileHandleOutput.standardError.write("\(diagnostic)\n") }
        print(report.summary)
        return report
    }

    /// Ends the run with status 1 when the hub was not told about every
    /// changed feed, or under `--strict` when a page had a problem.
    func finish(_ report: BuildReport, announced: Bool = true) throws {
        if !announced || (strict && !report.diagnostics.isEmpty) { throw ExitCode(1) }
    }
}
