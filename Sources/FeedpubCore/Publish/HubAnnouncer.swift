import Foundation

/// The notifying half of `feedpub publish`: tells the configured WebSub hub
/// about every feed of the output folder whose bytes changed since the hub
/// was last told, then records what it was told in ``AnnouncementRecord``.
///
/// Only notifications the hub accepted are recorded, so a feed whose
/// notification failed is announced again by the next publish, and so is a
/// feed a plain `feedpub build` changed in between.
public struct HubAnnouncer: Sendable {
    /// The output folder the feeds are in.
    public let output: OutputFolder
    /// The URL the output folder is published at, ending in `/`.
    public let feedsURL: String
    /// The hub's URL as configured.
    public let hub: String
    /// Sends the notifications; its retries and timeout can be changed.
    public var notifier: HubNotifier

    /// An announcer for the feeds `configuration` builds, or nil when it
    /// names no hub (`websub.hub`).
    public init?(configuration: Configuration) {
        guard let hub = configuration.websubHub, let url = URL(string: hub) else { return nil }
        output = OutputFolder(root: configuration.output)
        feedsURL = configuration.publishedFeedsURL
        self.hub = hub
        notifier = HubNotifier(hub: url)
    }

    /// The path of the record file.
    public var recordPath: String {
        output.path(of: AnnouncementRecord.fileName)
    }

    /// Announces every changed feed and records those the hub accepted.
    ///
    /// - Throws: ``BuildError`` when the record cannot be written; the hub
    ///   was told, and the next publish tells it again.
    public func announce() async throws(BuildError) -> AnnouncementReport {
        var report = AnnouncementReport(hub: hub)
        let previous = readRecord(notices: &report.notices)
        let changes = FeedChanges.scan(output, against: previous)
        report.notices += changes.notices
        report.unchanged = changes.unchanged.count
        let outcomes = await notifier.announce(changes.changed.map { feedsURL + $0.stamp.path })
        var record = AnnouncementRecord(hub: hub, feeds: changes.unchanged)
        for (entry, outcome) in zip(changes.changed, outcomes) {
            let path = entry.stamp.path
            if let failure = outcome.failure {
                report.failures.append(AnnouncementReport.Failure(feed: outcome.feed, reason: failure))
                record.feeds[path] = previous?.feeds[path]
            } else {
                report.announced.append(outcome.feed)
                record.feeds[path] = entry
            }
        }
        do {
            _ = try output.write(record.serialized(), to: AnnouncementRecord.fileName)
        } catch {
            throw BuildError(
                "\(error.description); the hub was told, but the next publish will announce these feeds again")
        }
        return report
    }

    /// The record of the last announcements to this hub; nil, with a notice,
    /// when there is none, it cannot be read, or it is another hub's.
    private func readRecord(notices: inout [String]) -> AnnouncementRecord? {
        guard let data = FileManager.default.contents(atPath: recordPath) else {
            notices.append("\(recordPath): no record of what \(hub) was told; announcing every feed")
            return nil
        }
        guard let record = AnnouncementRecord.parse([UInt8](data)) else {
            notices.append("\(recordPath): not a WebSub record this version can read; announcing every feed")
            return nil
        }
        guard record.hub == hub else {
            notices.append("\(recordPath): the feeds were announced to \(record.hub), not \(hub); announcing every feed")
            return nil
        }
        return record
    }
}
