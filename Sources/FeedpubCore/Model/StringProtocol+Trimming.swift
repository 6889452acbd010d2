extension StringProtocol where SubSequence == Substring {
    /// The text without whitespace at either end, without a copy and without
    /// Foundation's `NSString` bridge (the hot path of reading pages).
    @inlinable
    public func trimmed() -> Substring {
        var text = self[...]
        while let first = text.unicodeScalars.first, Self.isSpace(first) { text = text.dropFirst() }
        while let last = text.unicodeScalars.last, Self.isSpace(last) { text = text.dropLast() }
        return text
    }

    @inlinable
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }
}
