/// The state of reading one page; collects diagnostics as it goes.
struct PageReader {
    let file: String
    let limits: PageLimits
    let pool: StringPool?
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, limits: PageLimits, pool: StringPool? = nil) {
        self.file = file
        self.limits = limits
        self.pool = pool
    }

    private enum Section {
        case body, sources, related, other
    }

    mutating func read(_ bytes: [UInt8], sitePath: String?) -> Page? {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let content = Array(bytes)
            let bad = UTF8Check.firstInvalidOffset(content) ?? 0
            let line = content[..<bad].count { $0 == UInt8(ascii: "\n") } + 1
            report(line, .error, .notUTF8)
            return nil
        }
        var lines = PageLines(text: text).makeIterator()

        guard let date = readDate(&lines) else { return nil }
        guard let headline = readHeadline(&lines) else { return nil }

        var body: [String] = []
        var paragraph: [String] = []
        var sources: [SourceLink] = []
        var cover: CoverImage?
        var related: [RelatedEntry] = []
        var relatedDropped = (count: 0, firstLine: 0)
        var section = Section.body
        while let line = lines.next() {
            let text = line.text
            if let heading = Self.sectionHeading(text) {
                flush(&paragraph, into: &body)
                section = heading
                continue
            }
            switch section {
            case .body:
                if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    flush(&paragraph, into: &body)
                } else {
                    paragraph.append(clean(text, line: line.number))
                }
            case .sources:
                guard let item = Self.listItem(text) else { continue }
                guard let link = readLink(item, line: line.number) else { continue }
                guard let url = checkedURL(link.target, line: line.number) else { continue }
                if link.text.lowercased() == "cover image" {
                    cover = CoverImage(url: url)
                } else {
                    sources.append(SourceLink(name: link.text.isEmpty ? url : link.text, url: url))
                }
            case .related:
                guard let item = Self.listItem(text) else { continue }
                guard related.count < limits.relatedEntries else {
                    if relatedDropped.count == 0 { relatedDropped.firstLine = line.number }
                    relatedDropped.count += 1
                    continue
                }
                guard let link = readLink(item, line: line.number) else { continue }
                if let entry = relatedEntry(link, line: line.number) { related.append(entry) }
            case .other:
                continue
            }
        }
        flush(&paragraph, into: &body)
        if relatedDropped.count > 0 {
            report(
                relatedDropped.firstLine, .warning,
                .relatedEntriesDropped(count: relatedDropped.count, limit: limits.relatedEntries))
        }
        let path = sitePath ?? "/news/\(date.folder)/\(Slug.site(headline)).md"
        return Page(
            sitePath: path, file: file, date: date, headline: headline, body: body,
            sources: sources, cover: cover, related: related)
    }

    // MARK: Date and headline

    private mutating func readDate(_ lines: inout PageLines.Iterator) -> EventDate? {
        while let line = lines.next() {
            let text = line.text.trimmed()
            if text.isEmpty { continue }
            guard text.utf8.starts(with: "### ".utf8) else {
                report(line.number, .error, .missingDate)
                return nil
            }
            var field = text.dropFirst(4).drop { $0 == " " }
            if field.hasPrefix("["), let close = field.firstIndex(of: "]") {
                field = field[field.index(after: field.startIndex)..<close]
            }
            let trimmed = field.trimmed()
            guard let date = EventDate(iso: trimmed) else {
                report(line.number, .error, .invalidDate(String(trimmed.prefix(40))))
                return nil
            }
            return date
        }
        report(nil, .error, .missingDate)
        return nil
    }

    private mutating func readHeadline(_ lines: inout PageLines.Iterator) -> String? {
        while let line = lines.next() {
            let text = line.text
            if text.utf8.starts(with: "# ".utf8) || text == "#" {
                let headline = clean(text.dropFirst(1), line: line.number)
                if headline.isEmpty { break }
                return cut(headline, line: line.number)
            }
            if Self.sectionHeading(text) != nil {
                report(line.number, .error, .missingHeadline)
                return nil
            }
        }
        report(nil, .error, .missingHeadline)
        return nil
    }

    /// `headline`, cut to `limits.headlineCharacters` Unicode scalars (not
    /// characters: one character can hold any number of combining marks).
    private mutating func cut(_ headline: String, line: Int) -> String {
        let limit = limits.headlineCharacters
        guard headline.utf8.count > limit else { return headline }
        let scalars = headline.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        else { return headline }
        report(line, .warning, .headlineCut(length: scalars.count, limit: limit))
        return String(String(scalars[..<end]).trimmed())
    }

    // MARK: Lines

    private static func sectionHeading(_ text: Substring) -> Section? {
        guard text.utf8.starts(with: "### ".utf8) else { return nil }
        var name = text.dropFirst(4).trimmed().lowercased()
        if name.hasSuffix(":") { name.removeLast() }
        switch name {
        case "source", "sources": return .sources
        case "related": return .related
        default: return .other
        }
    }

    /// The text after a list marker (`1.`, `12.`, `-`, `*`), or nil.
    private static func listItem(_ text: Substring) -> Substring? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index = bytes.index(after: index) }
        guard index < bytes.endIndex else { return nil }
        let next = bytes.index(after: index)
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*") {
            return next < bytes.endIndex && bytes[next] == 0x20 ? text[bytes.index(after: next)...] : nil
        }
        let digitsStart = index
        while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { index = bytes.index(after: index) }
        guard index > digitsStart, index < bytes.endIndex,
            bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
        else { return nil }
        return text[bytes.index(after: index)...]
    }

    private mutating func flush(_ paragraph: inout [String], into body: inout [String]) {
        let text = paragraph.filter { !$0.isEmpty }.joined(separator: " ")
        if !text.isEmpty { body.append(text) }
        paragraph.removeAll()
    }

    mutating func clean(_ raw: Substring, line: Int) -> String {
        var removed = 0
        let text = PageText.clean(raw, removed: &removed)
        if removed > 0 { report(line, .warning, .forbiddenCharacters(removed)) }
        return text
    }

    mutating func report(_ line: Int?, _ severity: Diagnostic.Severity, _ reason: Diagnostic.Reason) {
        diagnostics.append(Diagnostic(file: file, line: line, severity: severity, reason: reason))
    }
}
