/// A news outlet's article that an event page cites.
public struct SourceLink: Hashable, Sendable {
    /// The outlet's name as the page gives it (`RT`, `The Independent`).
    public let name: String
    /// The article's absolute http(s) URL.
    public let url: String

    /// A source named `name` at `url`.
    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}
