/// The lines of a page's UTF-8 bytes, without line ends (LF or CRLF).
struct PageLines: Sequence {
    /// One line: its 1-based number and its text.
    struct Line {
        let number: Int
        let text: Substring
    }

    let text: String

    func makeIterator() -> Iterator {
        Iterator(text: text[...])
    }

    struct Iterator: IteratorProtocol {
        var text: Substring
        var number = 0
        var finished = false

        mutating func next() -> Line? {
            guard !finished else { return nil }
            number += 1
            guard let newline = text.firstIndex(ofByte: UInt8(ascii: "\n")) else {
                finished = true
                if text.isEmpty { return nil }
                return Line(number: number, text: Self.droppingCR(text))
            }
            let line = text[..<newline]
            text = text[text.utf8.index(after: newline)...]
            return Line(number: number, text: Self.droppingCR(line))
        }

        private static func droppingCR(_ line: Substring) -> Substring {
            line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }
}
