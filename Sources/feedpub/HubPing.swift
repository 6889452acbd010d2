import FeedpubCore
import Foundation

/// The WebSub step of `feedpub publish` and `feedpub build --ping`: tells
/// the hub which feeds changed and prints what came of it.
struct HubPing {
    let announcer: HubAnnouncer

    /// The step for `configuration`, read from the file named `file`.
    ///
    /// - Throws: ``FailedRun`` when the configuration names no hub.
    init(configuration: Configuration, file: String) throws {
        guard let announcer = HubAnnouncer(configuration: configuration) else {
            throw FailedRun(
                message: "no WebSub hub to notify: set websub.hub in \(file), "
                    + #"for example "websub": {"hub": "https://pubsubhubbub.appspot.com/"}"#)
        }
        self.announcer = announcer
    }

    /// Announces the changed feeds; prints notices and one line per failure
    /// on standard error, the summary on standard output.
    ///
    /// - Returns: whether the hub took every notification.
    func run(quiet: Bool) async throws -> Bool {
        if !quiet { FileHandleOutput.standardError.write("websub: notifying \(announcer.hub)\n") }
        let report: AnnouncementReport
        do {
            report = try await announcer.announce()
        } catch {
            throw FailedRun(message: error.description)
        }
        for notice in report.notices { FileHandleOutput.standardError.write("notice: \(notice)\n") }
        for line in report.failureLines { FileHandleOutput.standardError.write(line + "\n") }
        print(report.summary)
        return report.failures.isEmpty
    }
}
