/// A build that could not finish: the message says what and where.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String

    /// An error with `description`.
    public init(_ description: String) {
        self.description = description
    }
}
