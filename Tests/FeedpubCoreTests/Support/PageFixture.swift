/// Small pages written the way the site writes them, for tests.
enum PageFixture {
    /// A complete page; every part can be replaced.
    static func page(
        date: String = "2016-03-02",
        headline: String = "Something happens somewhere.",
        body: [String] = ["A paragraph."],
        sources: [String] = ["1. [Outlet](https://outlet.example/story)"],
        related: [String] = []
    ) -> String {
        var lines = ["### [\(date)](/news/2016/03/2/index.md)", "", "# \(headline) ", ""]
        for paragraph in body { lines += [paragraph, ""] }
        if !sources.isEmpty { lines += ["### Source:", ""] + sources + [""] }
        if !related.isEmpty { lines += ["### Related:", ""] + related }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Related entry line pointing at `path` with `contexts`.
    static func related(_ headline: String, _ path: String, _ contexts: [String], number: Int = 1) -> String {
        "\(number). [\(headline) ](\(path)) _Context: \(contexts.joined(separator: ", "))_"
    }
}
