/// feedpub's name and version, as feeds name their generator.
public enum FeedpubVersion {
    /// The version of this build.
    public static let current = "0.1.0"
    /// The generator's name.
    public static let name = "feedpub"
}
