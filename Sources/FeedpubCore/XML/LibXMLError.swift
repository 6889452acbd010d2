/// A libxml2 call that failed.
public struct LibXMLError: Error, CustomStringConvertible, Sendable {
    /// The libxml2 function that reported the failure.
    public let call: String
    /// libxml2's own message, when it gave one.
    public let detail: String?

    /// A one-line description naming the call.
    public var description: String {
        if let detail { return "libxml2 \(call) failed: \(detail)" }
        return "libxml2 \(call) failed"
    }
}
