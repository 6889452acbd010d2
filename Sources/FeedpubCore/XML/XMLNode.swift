/// An element of a parsed XML document: a small, format-neutral tree used to
/// read feeds back (tests, round-trips, checks of committed output).
public struct XMLNode: Equatable, Sendable {
    /// The qualified name as written, e.g. `entry` or `media:content`.
    public var name: String
    /// The namespace URI of the element, if it has one.
    public var namespace: String?
    /// Attributes by qualified name (`href`, `xml:lang`, `isPermaLink`).
    public var attributes: [String: String]
    /// Child elements in document order.
    public var children: [XMLNode]
    /// The concatenated character data directly inside this element.
    public var text: String

    /// A node with the given parts.
    public init(
        name: String, namespace: String? = nil, attributes: [String: String] = [:],
        children: [XMLNode] = [], text: String = ""
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in order.
    public func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }
}
