/// One topic (context tag) of the corpus, with every spelling pages use for it.
struct Topic: Sendable {
    /// The name used in story prefixes and most context lists.
    let canonical: String
    /// `canonical` as UTF-8.
    let canonicalBytes: [UInt8]
    /// Spellings a reader folds into `canonical` on its own: another letter
    /// case, extra inner whitespace, or a decomposed (NFD) form.
    let variants: [[UInt8]]
    /// A different name for the same topic (such as `ISIL`) that only the
    /// publisher's alias table maps to `canonical`.
    let alias: String?

    /// Creates a topic from its spellings.
    init(canonical: String, variants: [String] = [], alias: String? = nil) {
        self.canonical = canonical
        canonicalBytes = Array(canonical.utf8)
        self.variants = variants.map { Array($0.utf8) }
        self.alias = alias
    }

    /// The key two names share when a reader should take them as one topic:
    /// whitespace folded, lowercased (Swift's `String` equality is already
    /// canonical-equivalence aware, so NFC and NFD forms give one key).
    static func foldingKey(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}
