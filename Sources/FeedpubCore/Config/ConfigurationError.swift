/// A configuration that cannot be used, naming the file and the key.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The configuration file, or nil for a command-line value.
    public let file: String?
    /// The dotted key (`site.url`), or nil for the file as a whole.
    public let key: String?
    /// What is wrong.
    public let message: String

    /// An error about `key` in `file`.
    public init(file: String?, key: String?, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    /// `file: key: message`.
    public var description: String {
        [file, key].compactMap { $0 }.joined(separator: ": ") + (file == nil && key == nil ? "" : ": ") + message
    }
}
