/// One entry of a page's `### Related:` list.
struct RelatedLink: Sendable, Equatable {
    /// The index of the event linked to.
    let target: Int32
    /// Whether the link spells the target's headline the other way: without
    /// its story prefix, or with a prefix prepended.
    let alternate: Bool
}
