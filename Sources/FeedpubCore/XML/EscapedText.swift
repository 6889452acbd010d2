/// Element text already sanitized and escaped by libxml2 (``XMLWriter/escape(_:)``),
/// ready to be written into any number of documents.
struct EscapedText: Sendable, Equatable {
    /// The escaped UTF-8 bytes.
    let bytes: [UInt8]
}
