import FeedpubCore
import Foundation
import Testing

@Suite("Configuration")
struct ConfigurationLoaderTests {
    func load(_ json: String) throws -> Configuration {
        try TestFiles.withTemporaryFolder { root in
            let file = try TestFiles.write(json, to: "site/config.json", under: root)
            return try ConfigurationLoader().load(file)
        }
    }

    func message(_ json: String) -> String? {
        do {
            _ = try load(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("the repository's config.json loads with the documented values")
    func repositoryConfig() throws {
        let configuration = try ConfigurationLoader().load(TestFiles.packageRoot.appendingPathComponent("config.json"))
        #expect(configuration.site.url == "https://example.org/")
        #expect(configuration.maxEntries == 50)
        #expect(configuration.input.standardizedFileURL.path == TestFiles.packageRoot.standardizedFileURL.path)
        #expect(configuration.output.lastPathComponent == "feeds")
        #expect(configuration.aliases["ISIL"] == "Islamic State of Iraq and the Levant")
        #expect(configuration.timeZone.secondsFromGMT() == 0)
    }

    @Test("an empty object gives the defaults, paths relative to the config file's folder")
    func defaults() throws {
        let configuration = try load("{}")
        #expect(configuration.maxEntries == 50)
        #expect(configuration.site.language == "en")
        #expect(configuration.timeZone.secondsFromGMT() == 0)
        #expect(configuration.input.lastPathComponent == "site")
        #expect(configuration.output.path.hasSuffix("/site/feeds"))
        #expect(configuration.publishedFeedsURL == "https://example.org/feeds/")
    }

    @Test("values are read and URLs get their trailing slash")
    func values() throws {
        let configuration = try load("""
            {"site": {"url": "https://news.example/world", "language": "en-GB",
                      "author": {"name": "Desk", "email": "desk@news.example"}},
             "feeds": {"maxEntries": 10, "url": "https://cdn.example/f"},
             "topics": {"aliases": {"isis": "ISIL"}}, "timeZone": "Europe/Paris", "output": "/tmp/x"}
            """)
        #expect(configuration.site.url == "https://news.example/world/")
        #expect(configuration.publishedFeedsURL == "https://cdn.example/f/")
        #expect(configuration.maxEntries == 10)
        #expect(configuration.site.authorEmail == "desk@news.example")
        #expect(configuration.timeZone.identifier == "Europe/Paris")
        #expect(configuration.output.path == "/tmp/x")
    }

    @Test("limits have documented defaults and can be raised or lowered")
    func limits() throws {
        #expect(try load("{}").limits == PageLimits())
        #expect(PageLimits().pageBytes == 16 << 20)
        let configuration = try load(#"{"limits": {"pageBytes": 4096, "headlineCharacters": 300, "relatedEntries": 5}}"#)
        #expect(configuration.limits.pageBytes == 4096)
        #expect(configuration.limits.headlineCharacters == 300)
        #expect(configuration.limits.relatedEntries == 5)
        #expect(configuration.fingerprint != (try load("{}")).fingerprint, "limits shape the output")
    }

    @Test(
        "a bad configuration names the key and what is wrong",
        arguments: [
            (#"{"sit": {}}"#, "sit: unknown key"),
            (#"{"site": {"titel": "x"}}"#, "site.titel: unknown key"),
            (#"{"site": {"url": "ftp://x.example/"}}"#, "site.url: 'ftp://x.example/' is not an absolute http(s) URL"),
            (#"{"site": {"url": "example.org"}}"#, "site.url: 'example.org' is not an absolute http(s) URL"),
            (#"{"site": {"title": 3}}"#, "site.title: must be a string, not a number"),
            (#"{"feeds": {"maxEntries": 0}}"#, "feeds.maxEntries: must be a whole number from 1 to 100000"),
            (#"{"feeds": {"maxEntries": "50"}}"#, "feeds.maxEntries: must be a whole number"),
            (#"{"feeds": {"maxEntries": 2.5}}"#, "feeds.maxEntries: must be a whole number"),
            (#"{"topics": {"aliases": ["a"]}}"#, "topics.aliases: must be an object, not an array"),
            (#"{"topics": {"aliases": {"a": 1}}}"#, "topics.aliases.a: must be a string, not a number"),
            (#"{"timeZone": "Mars/Olympus"}"#, "timeZone: 'Mars/Olympus' is not an IANA time zone name"),
            (#"{"site": {"language": "english!"}}"#, "site.language: 'english!' is not a language tag"),
            (#"{"site": {"author": {"email": "nobody"}}}"#, "site.author.email: 'nobody' is not an e-mail address"),
            (#"[1, 2]"#, "(top level): must be an object, not an array"),
            (#"{"site": "#, "line 1, column 10: the file ends before the JSON value does"),
            ("{\n  \"site\": nope}", "line 2, column 12: not valid JSON"),
            (#"{"limits": {"pageBytes": 10}}"#, "limits.pageBytes: must be a whole number from 1024 to 2147483648"),
            (#"{"limits": {"relatedEntries": 0}}"#, "limits.relatedEntries: must be a whole number from 1 to 1000000"),
            (#"{"limits": {"headlines": 10}}"#, "limits.headlines: unknown key"),
        ])
    func errors(json: String, expected: String) throws {
        let text = try #require(message(json))
        #expect(text.contains("config.json: " + expected), "\(text)")
    }

    @Test("a missing file is named")
    func missingFile() {
        #expect {
            try ConfigurationLoader().load(URL(fileURLWithPath: "/nonexistent/config.json"))
        } throws: { error in
            "\(error)".hasPrefix("/nonexistent/config.json: cannot read the file")
        }
    }
}
