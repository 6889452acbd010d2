extension StringProtocol where SubSequence == Substring {
    /// The text without whitespace at either end, without a copy and without
    /// Foundation's `NSString` bridge (the hot path of reading pages).
    @inlinable
    public func trimmed() -> Substring {
        let text = self[...]
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard Self.isSpace(scalars[before]) else { break }
            end = before
        }
        return text[start..<end]
    }

    @inlinable
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The first range of `needle` (ASCII) in the text, compared byte by byte:
    /// much cheaper than `firstRange(of:)`, which compares Characters.
    @inlinable
    public func firstByteRange(of needle: String) -> Range<String.Index>? {
        let pattern = needle.utf8
        let text = self[...].utf8
        guard let first = pattern.first else { return nil }
        var index = text.startIndex
        while let start = text[index...].firstIndex(of: first) {
            var cursor = start
            var matched = true
            for byte in pattern {
                guard cursor < text.endIndex, text[cursor] == byte else {
                    matched = false
                    break
                }
                cursor = text.index(after: cursor)
            }
            if matched { return start..<cursor }
            index = text.index(after: start)
        }
        return nil
    }
}
