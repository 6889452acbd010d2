import ArgumentParser
import FeedpubCore
import Foundation

/// `feedpub build`: reads the corpus and writes every feed.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read the corpus and write Atom, RSS and JSON feeds per topic and for all events, and index.opml."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .shortAndLong, help: "The folder to write feeds to; overrides 'output'.")
    var output: String?

    @Flag(help: "Exit with status 1 when any page had a problem.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only problems and the summary line.")
    var quiet = false

    @Flag(help: "Print how long each step took.")
    var timings = false

    func run() throws {
        let publisher = Publisher(configuration: try corpus.configuration(output: output), extraFiles: corpus.files)
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
                FileHandleOutput.standardError.write("\(step.title): \(seconds) s\n")
            }
        }
        for notice in report.notices { FileHandleOutput.standardError.write("notice: \(notice)\n") }
        for diagnostic in report.diagnostics { FileHandleOutput.standardError.write("\(diagnostic)\n") }
        print(report.summary)
        if strict && !report.diagnostics.isEmpty { throw ExitCode(1) }
    }
}
