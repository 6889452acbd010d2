import Foundation

/// What the last complete build read and wrote, kept in the output folder as
/// `.feedpub-manifest`. When the settings, every page and every feed are as
/// the manifest says, nothing can have changed and a build stops early.
///
/// The manifest is an optimisation only: without it, or with one that is
/// damaged or of another format, a build does all the work and writes the
/// same bytes.
public struct BuildManifest: Equatable, Sendable {
    /// The file name inside the output folder.
    public static let fileName = ".feedpub-manifest"
    static let header = "feedpub-manifest 3"

    /// A fingerprint of the program and the configuration.
    public var settings: String
    /// The report of the build that wrote it (counts and problems).
    public var report: BuildReport
    /// How many pages were read and a digest of their stamps
    /// (``digest(of:)``): a rebuild only asks whether they are the same, and
    /// at 100,000 pages listing them took two thirds of the manifest's bytes.
    public var inputs: String
    /// Every file written or left unchanged, paths relative to the output folder.
    public var outputs: [FileStamp]
    /// The content fingerprint of every feed written, in the order written.
    public var feeds: [Feed] = []

    /// A feed's stem (`topics/syria`) and the fingerprint of its content.
    public struct Feed: Equatable, Sendable {
        /// The feed's path without extension.
        public let stem: String
        /// ``FeedRenderer/fingerprint(of:)`` of the feed written there.
        public let fingerprint: UInt64

        /// The feed at `stem` with the content `fingerprint` stands for.
        public init(stem: String, fingerprint: UInt64) {
            self.stem = stem
            self.fingerprint = fingerprint
        }
    }

    /// ``inputs`` for pages read from the files `stamps` describe, in order.
    public static func digest(of stamps: [FileStamp]) -> String {
        var hasher = WideHasher(seed: UInt64(stamps.count))
        for stamp in stamps {
            hasher.add(stamp.path)
            hasher.add(UInt64(bitPattern: Int64(stamp.size)))
            hasher.add(UInt64(bitPattern: Int64(stamp.modified)))
        }
        let (first, second) = hasher.value
        return "\(stamps.count) " + [first, second].map { String($0, radix: 16) }.joined(separator: "-")
    }

    /// The manifest as text: a header, the settings, the report as JSON, the
    /// inputs' digest, then one `output` line per file written
    /// (`size mtime path`) and one `feed` line per feed (`fingerprint - stem`).
    /// Written straight into one byte array: at 100,000 pages the manifest
    /// is some 7 MB, and a string copied into bytes would hold it twice.
    public func serialized() throws -> [UInt8] {
        var bytes = Array((Self.header + "\nsettings " + settings + "\nreport ").utf8)
        bytes += try JSONEncoder().encode(report)
        bytes += ("\ninputs " + inputs + "\n").utf8
        bytes.reserveCapacity(bytes.count + outputs.count * 100 + feeds.count * 64)
        Self.append(linesOf: outputs, to: &bytes) { stamp, lines in
            lines += "output ".utf8
            Self.append(stamp.size, to: &lines)
            lines.append(UInt8(ascii: " "))
            Self.append(stamp.modified, to: &lines)
            lines.append(UInt8(ascii: " "))
            lines += stamp.path.utf8
            lines.append(UInt8(ascii: "\n"))
        }
        // In the order given, not sorted: the renderer's order is the same
        // for the same feeds, and sorting 90,000 stems took 26 ms.
        Self.append(linesOf: feeds, to: &bytes) { feed, lines in
            lines += "feed ".utf8
            lines += String(feed.fingerprint, radix: 16).utf8
            lines += " - ".utf8
            lines += feed.stem.utf8
            lines.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Appends the line `line` writes for each of `items`, written on both
    /// cores, 4,096 items at a time.
    private static func append<Item: Sendable>(
        linesOf items: [Item], to bytes: inout [UInt8], _ line: @Sendable (Item, inout [UInt8]) -> Void
    ) {
        let chunks = ParallelMap.map(Array(stride(from: 0, to: items.count, by: 4_096)), chunkSize: 1) { first in
            var lines: [UInt8] = []
            lines.reserveCapacity(4_096 * 100)
            for item in items[first..<min(items.count, first + 4_096)] { line(item, &lines) }
            return lines
        }
        for lines in chunks { bytes += lines }
    }

    /// Appends `number` in decimal: formatting some 200,000 numbers through
    /// string interpolation was most of writing the manifest.
    private static func append(_ number: Int, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = number.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// Reads a manifest; nil when the bytes are not a manifest of this format.
    /// Works on the bytes, line by line: at 100,000 pages the manifest has
    /// some 100,000 lines, and splitting it as a `String` took most of a
    /// no-change rebuild.
    public static func parse(_ bytes: [UInt8]) -> BuildManifest? {
        bytes.withUnsafeBytes { parse($0) }
    }

    /// Reads a manifest from `bytes` (a mapped file); nil when they are not
    /// a manifest of this format. The file and feed lines are read on every
    /// core, in pieces of about 256 KB that start after a line break.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> BuildManifest? {
        var rest = bytes[...]
        func line() -> Slice<UnsafeRawBufferPointer>? {
            guard let end = rest.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            defer { rest = rest[(end + 1)...] }
            return rest[..<end]
        }
        guard let first = line(), first.elementsEqual(header.utf8),
            let settingsLine = line(), settingsLine.starts(with: "settings ".utf8),
            let reportLine = line(), reportLine.starts(with: "report ".utf8),
            let report = try? JSONDecoder().decode(BuildReport.self, from: Data(reportLine.dropFirst(7))),
            let inputsLine = line(), inputsLine.starts(with: "inputs ".utf8)
        else { return nil }
        var starts = [rest.startIndex]
        while let last = starts.last, last + 262_144 < rest.endIndex {
            starts.append(bytes[(last + 262_144)...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? rest.endIndex)
        }
        let pieces = zip(starts, starts.dropFirst() + [rest.endIndex]).map { $0..<$1 }
        nonisolated(unsafe) let file = bytes
        let parsed = ParallelMap.map(pieces, chunkSize: 1) { piece in Lines(file[piece]) }
        var manifest = BuildManifest(
            settings: text(settingsLine.dropFirst(9)), report: report, inputs: text(inputsLine.dropFirst(7)),
            outputs: [])
        for lines in parsed {
            guard let lines else { return nil }
            manifest.outputs += lines.outputs
            manifest.feeds += lines.feeds
        }
        return manifest
    }

    /// The `output` and `feed` lines of a piece of a manifest.
    private struct Lines: Sendable {
        var outputs: [FileStamp] = []
        var feeds: [Feed] = []

        /// The lines of `piece`; nil when one is not a manifest line.
        init?(_ piece: Slice<UnsafeRawBufferPointer>) {
            for line in piece.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: false)
                guard fields.count == 4 else { return nil }
                let path = BuildManifest.text(fields[3])
                if fields[0].elementsEqual("feed".utf8) {
                    guard let fingerprint = UInt64(BuildManifest.text(fields[1]), radix: 16) else { return nil }
                    feeds.append(Feed(stem: path, fingerprint: fingerprint))
                    continue
                }
                guard let size = BuildManifest.number(fields[1]), let modified = BuildManifest.number(fields[2])
                else { return nil }
                guard fields[0].elementsEqual("output".utf8) else { return nil }
                outputs.append(FileStamp(path: path, size: size, modified: modified))
            }
        }
    }

    /// The decimal number a field holds (`-` and digits), or nil.
    private static func number(_ field: Slice<UnsafeRawBufferPointer>) -> Int? {
        var digits = field[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowToo) = times10.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            guard !overflow, !overflowToo else { return nil }
            value = sum
        }
        return isNegative ? -value : value
    }

    /// The text of a field.
    private static func text(_ field: Slice<UnsafeRawBufferPointer>) -> String {
        String(decoding: field, as: UTF8.self)
    }
}
