/// A problem found in the input, reported as `file:line: message`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Codable {
        /// Part of a page was dropped; the rest was published.
        case warning
        /// The whole page was skipped.
        case error
    }

    /// The file the problem is in, as the user named it.
    public let file: String
    /// The 1-based line, or nil when the problem concerns the whole file.
    public let line: Int?
    /// Whether the page was skipped or only part of it.
    public let severity: Severity
    /// What is wrong.
    public let reason: Reason

    /// A diagnostic with the given parts.
    public init(file: String, line: Int?, severity: Severity, reason: Reason) {
        self.file = file
        self.line = line
        self.severity = severity
        self.reason = reason
    }

    /// `file:line: severity: message`, the form editors and CI logs link.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(reason)"
    }
}
