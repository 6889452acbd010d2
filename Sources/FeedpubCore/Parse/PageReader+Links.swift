extension PageReader {
    /// A `[text](target)` link and what follows it on the line.
    struct Link {
        let text: String
        let target: String
        let rest: Substring
    }

    /// Reads the link an item starts with, reporting a damaged one. Works on
    /// the UTF-8 bytes: the brackets and parentheses it looks for are ASCII.
    mutating func readLink(_ item: Substring, line: Int) -> Link? {
        let trimmed = item.trimmed()
        let bytes = trimmed.utf8
        guard bytes.first == UInt8(ascii: "["), let close = trimmed.firstByteRange(of: "](") else {
            report(line, .warning, .notALink)
            return nil
        }
        let text = trimmed[bytes.index(after: bytes.startIndex)..<close.lowerBound]
        var depth = 0
        var index = close.upperBound
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 {
                    let target = trimmed[close.upperBound..<index]
                    return Link(
                        text: clean(text, line: line), target: String(target.trimmed()),
                        rest: trimmed[bytes.index(after: index)...])
                }
                depth -= 1
            }
            index = bytes.index(after: index)
        }
        report(line, .warning, .unclosedLink)
        return nil
    }

    /// `target` as an absolute http(s) URL, or nil with a warning.
    mutating func checkedURL(_ target: String, line: Int) -> String? {
        if let url = WebURL.normalized(target) { return url }
        report(line, .warning, .unsafeURL(String(target.prefix(60))))
        return nil
    }

    /// A Related entry from its link and `_Context: a, b_` tail, or nil with a
    /// warning when the path names no dated event page.
    mutating func relatedEntry(_ link: Link, line: Int) -> RelatedEntry? {
        guard let (path, date) = Self.eventPath(link.target) else {
            report(line, .warning, .unusableRelatedPath(String(link.target.prefix(80))))
            return nil
        }
        var contextList = ""
        if let marker = link.rest.firstByteRange(of: "_Context:") ?? link.rest.firstByteRange(of: "_context:") {
            var list = link.rest[marker.upperBound...].trimmed()
            if list.utf8.last == UInt8(ascii: "_") { list = list[..<list.utf8.index(before: list.endIndex)] }
            contextList = clean(list, line: line)
        }
        guard let pool else {
            return RelatedEntry(headline: link.text, sitePath: path, date: date, contextList: contextList, line: line)
        }
        return RelatedEntry(
            headline: pool.intern(link.text), sitePath: pool.intern(path), date: date,
            contextList: pool.intern(contextList), line: line)
    }

    /// Splits `/news/YYYY/MM/D/slug.md` (or a URL ending in it) into the path
    /// and the date, reading the bytes once; nil when the slug is empty or `index`.
    static func eventPath(_ target: String) -> (String, EventDate)? {
        var path = Substring(target)
        if let scheme = path.firstByteRange(of: "://") {
            let afterHost = path[scheme.upperBound...]
            guard let slash = afterHost.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
            path = afterHost[slash...]
        }
        if let end = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            path = path[..<end]
        }
        let bytes = path.utf8
        guard bytes.starts(with: "/news/".utf8) else { return nil }
        var index = bytes.index(bytes.startIndex, offsetBy: 6)
        var numbers: [Int] = []
        for _ in 0..<3 {
            var value = 0
            var digits = 0
            while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]), digits < 5 {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index = bytes.index(after: index)
            }
            guard digits > 0, index < bytes.endIndex, bytes[index] == UInt8(ascii: "/") else { return nil }
            numbers.append(value)
            index = bytes.index(after: index)
        }
        let file = path[index...]
        guard file.utf8.count > 3, file.utf8.suffix(3).elementsEqual(".md".utf8),
            !file.utf8.contains(UInt8(ascii: "/")),
            let date = EventDate(year: numbers[0], month: numbers[1], day: numbers[2])
        else { return nil }
        let slug = file.utf8.dropLast(3)
        guard !slug.isEmpty, !slug.elementsEqual("index".utf8) else { return nil }
        return (String(path), date)
    }
}
