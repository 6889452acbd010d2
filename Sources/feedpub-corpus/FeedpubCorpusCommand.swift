import ArgumentParser
import FeedpubCorpus
import Foundation

/// `feedpub-corpus`: writes a deterministic test corpus of news-event pages.
@main
struct FeedpubCorpusCommand: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "feedpub-corpus",
        abstract: "Write a deterministic corpus of news-event Markdown pages for testing feedpub.",
        discussion: """
            The same --pages and --seed always give byte-identical files. Pages land in \
            OUTPUT_DIR/news/YYYY/MM/D/<slug>.md, with one index.md per day folder.
            """)

    /// How many event pages to write.
    @Option(name: .long, help: "Number of event pages to write (day index files come on top).")
    var pages: Int

    /// The seed of every random choice.
    @Option(name: .long, help: "Seed of every random choice; the same seed gives the same files.")
    var seed: UInt64 = 1

    /// The share of damaged pages.
    @Option(name: .long, help: "Share of damaged pages, from 0 to 1 (rounded to whole pages).")
    var damagedFraction: Double = 0.01

    /// Where the corpus goes.
    @Argument(help: "Folder to write the corpus into (created if needed; it will contain news/).")
    var outputDir: String

    /// Checks the options before running.
    mutating func validate() throws {
        guard pages >= 0 else { throw ValidationError("--pages must be 0 or more.") }
        guard damagedFraction >= 0 && damagedFraction <= 1 else {
            throw ValidationError("--damaged-fraction must be between 0 and 1.")
        }
    }

    /// Generates the corpus and prints a one-line summary.
    func run() throws {
        let start = Date()
        let generator = CorpusGenerator(pageCount: pages, seed: seed, damagedFraction: damagedFraction)
        let summary = try generator.write(to: URL(fileURLWithPath: outputDir))
        let seconds = Date().timeIntervalSince(start)
        let megabytes = Double(summary.bytesWritten) / 1_000_000
        print(
            "pages: \(summary.pagesWritten), damaged: \(summary.damagedPagesWritten), "
                + "topics: \(summary.distinctTopics), size: \(String(format: "%.1f", megabytes)) MB, "
                + "time: \(String(format: "%.2f", seconds)) s")
    }
}
