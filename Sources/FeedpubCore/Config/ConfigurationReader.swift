import Foundation

/// Walks a parsed configuration file key by key.
struct ConfigurationReader {
    let file: String
    let base: URL

    mutating func read(_ root: JSONValue) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        configuration.input = base.standardizedFileURL
        configuration.output = base.appendingPathComponent("feeds").standardizedFileURL
        let top = try object(root, at: nil, keys: [
                "site", "input", "output", "feeds", "topics", "timeZone", "limits", "websub",
            ])
        if let site = top["site"] {
            let fields = try object(site, at: "site", keys: ["title", "url", "description", "language", "author"])
            if let value = fields["title"] { configuration.site.title = try string(value, at: "site.title") }
            if let value = fields["url"] { configuration.site.url = try baseURL(value, at: "site.url") }
            if let value = fields["description"] {
                configuration.site.description = try string(value, at: "site.description")
            }
            if let value = fields["language"] { configuration.site.language = try language(value) }
            if let author = fields["author"] {
                let authorFields = try object(author, at: "site.author", keys: ["name", "email"])
                if let value = authorFields["name"] {
                    configuration.site.authorName = try string(value, at: "site.author.name")
                }
                if let value = authorFields["email"] { configuration.site.authorEmail = try email(value) }
            }
        }
        if let value = top["input"] { configuration.input = try folder(value, at: "input") }
        if let value = top["output"] { configuration.output = try folder(value, at: "output") }
        if let feeds = top["feeds"] {
            let fields = try object(
                feeds, at: "feeds", keys: ["maxEntries", "url", "json", "archives", "html", "stylesheet"])
            if let value = fields["json"] { configuration.jsonFeeds = try flag(value, at: "feeds.json") }
            if let value = fields["archives"] { configuration.archives = try flag(value, at: "feeds.archives") }
            if let value = fields["html"] { configuration.htmlPages = try flag(value, at: "feeds.html") }
            if let value = fields["stylesheet"] { configuration.stylesheet = try flag(value, at: "feeds.stylesheet") }
            if let value = fields["maxEntries"] {
                configuration.maxEntries = try count(value, at: "feeds.maxEntries", in: 1...100_000)
            }
            if let value = fields["url"] { configuration.feedsURL = try baseURL(value, at: "feeds.url") }
        }
        if let topics = top["topics"] {
            let fields = try object(topics, at: "topics", keys: ["aliases"])
            if let aliases = fields["aliases"] {
                guard case .object(let pairs) = aliases else { throw wrongType(aliases, at: "topics.aliases", "an object") }
                for (alias, canonical) in pairs {
                    let name = try string(canonical, at: "topics.aliases.\(alias)")
                    guard !name.trimmed().isEmpty else {
                        throw error(at: "topics.aliases.\(alias)", "the canonical name is empty")
                    }
                    configuration.aliases[alias] = name
                }
            }
        }
        if let value = top["timeZone"] {
            let name = try string(value, at: "timeZone")
            guard let zone = TimeZone(identifier: name) else {
                throw error(at: "timeZone", "'\(name)' is not an IANA time zone name (such as UTC or Europe/Paris)")
            }
            configuration.timeZone = zone
        }
        if let websub = top["websub"] {
            let fields = try object(websub, at: "websub", keys: ["hub"])
            if let value = fields["hub"] { configuration.websubHub = try absoluteURL(value, at: "websub.hub") }
        }
        if let limits = top["limits"] {
            let fields = try object(limits, at: "limits", keys: ["pageBytes", "headlineCharacters", "relatedEntries"])
            if let value = fields["pageBytes"] {
                configuration.limits.pageBytes = try count(value, at: "limits.pageBytes", in: 1_024...(1 << 31))
            }
            if let value = fields["headlineCharacters"] {
                configuration.limits.headlineCharacters = try count(
                    value, at: "limits.headlineCharacters", in: 140...1_000_000)
            }
            if let value = fields["relatedEntries"] {
                configuration.limits.relatedEntries = try count(value, at: "limits.relatedEntries", in: 1...1_000_000)
            }
        }
        return configuration
    }

    // MARK: Values

    private func object(_ value: JSONValue, at key: String?, keys: [String]) throws(ConfigurationError)
        -> [String: JSONValue]
    {
        guard case .object(let fields) = value else { throw wrongType(value, at: key ?? "(top level)", "an object") }
        if let unknown = fields.keys.sorted().first(where: { !keys.contains($0) }) {
            let path = key.map { "\($0).\(unknown)" } ?? unknown
            throw error(at: path, "unknown key (known here: \(keys.joined(separator: ", ")))")
        }
        return fields
    }

    private func string(_ value: JSONValue, at key: String) throws(ConfigurationError) -> String {
        guard case .string(let text) = value else { throw wrongType(value, at: key, "a string") }
        return text
    }

    /// A folder's URL: absolute http(s), without query or fragment, ending in `/`.
    private func baseURL(_ value: JSONValue, at key: String) throws(ConfigurationError) -> String {
        let url = try absoluteURL(value, at: key, allowingQuery: false)
        return url.hasSuffix("/") ? url : url + "/"
    }

    /// An absolute http(s) URL, as written (but for the case of scheme and
    /// host), without fragment and, unless `allowingQuery`, without query.
    private func absoluteURL(_ value: JSONValue, at key: String, allowingQuery: Bool = true)
        throws(ConfigurationError) -> String
    {
        let text = try string(value, at: key)
        guard let url = WebURL.normalized(text), url == text || url == text.lowercased(), !url.contains("#"),
            allowingQuery || !url.contains("?")
        else {
            let without = allowingQuery ? "fragment" : "query or fragment"
            throw error(at: key, "'\(text)' is not an absolute http(s) URL without \(without)")
        }
        return url
    }

    private func flag(_ value: JSONValue, at key: String) throws(ConfigurationError) -> Bool {
        guard case .bool(let flag) = value else { throw wrongType(value, at: key, "true or false") }
        return flag
    }

    private func language(_ value: JSONValue) throws(ConfigurationError) -> String {
        let tag = try string(value, at: "site.language")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !parts.isEmpty && (2...3).contains(parts[0].count) && parts.allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        guard valid else { throw error(at: "site.language", "'\(tag)' is not a language tag such as en or en-GB") }
        return tag
    }

    private func email(_ value: JSONValue) throws(ConfigurationError) -> String {
        let text = try string(value, at: "site.author.email")
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(where: \.isWhitespace)
        else { throw error(at: "site.author.email", "'\(text)' is not an e-mail address") }
        return text
    }

    private func count(_ value: JSONValue, at key: String, in range: ClosedRange<Int>) throws(ConfigurationError)
        -> Int
    {
        guard case .number(let number) = value, number == number.rounded(),
            number >= Double(range.lowerBound), number <= Double(range.upperBound)
        else {
            throw error(at: key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(number)
    }

    private func folder(_ value: JSONValue, at key: String) throws(ConfigurationError) -> URL {
        let path = try string(value, at: key)
        guard !path.isEmpty else { throw error(at: key, "the path is empty") }
        return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
    }

    private func wrongType(_ value: JSONValue, at key: String, _ expected: String) -> ConfigurationError {
        error(at: key, "must be \(expected), not \(value.typeName)")
    }

    private func error(at key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, key: key, message: message)
    }
}
