/// Numbers the items of a Markdown list, the way real pages do: usually
/// 1, 2, 3…, on odd pages with repeats (`1. 2. 2.`) or skips (`1. 3. 7.`).
struct ListNumbering {
    private var next = 1
    private let repeats: Bool
    private let skips: Bool

    /// Creates a numbering for one list of a page with the given oddities.
    init(_ oddities: PageOddities) {
        repeats = oddities.contains(.numberingRepeats)
        skips = oddities.contains(.numberingSkips)
    }

    /// Returns the number of the next item as UTF-8 digits followed by `. `.
    mutating func take(_ random: inout SeededRandom) -> [UInt8] {
        let number = next
        if repeats && number > 1 && random.chance(0.4) {
            // Stay on this number for the following item too.
        } else if skips && random.chance(0.45) {
            next += random.int(in: 2...4)
        } else {
            next += 1
        }
        if repeats && number == 1 { next = 2 }
        return Array("\(number). ".utf8)
    }
}
