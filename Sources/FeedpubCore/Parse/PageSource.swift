/// A page file to read and the site path it has.
public struct PageSource: Hashable, Sendable {
    /// The file, as the user would name it in a message.
    public let file: String
    /// The page's site path, or nil for a file outside the corpus (its path
    /// is then derived from its date and headline).
    public let sitePath: String?
    /// The file's size and modification time when it was found, if known.
    public let stamp: FileStamp?

    /// A page source.
    public init(file: String, sitePath: String?, stamp: FileStamp? = nil) {
        self.file = file
        self.sitePath = sitePath
        self.stamp = stamp
    }
}
