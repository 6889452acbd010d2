/// Renders a day folder's `index.md`: the day's list of events. It looks
/// enough like an event page (date line, `# ` heading, linked list with
/// contexts) that a reader which fails to skip it will notice.
struct DayIndexRenderer: Sendable {
    /// The corpus.
    let table: EventTable

    /// The pages of each day, days in date order, pages in index order.
    func days() -> [(day: Int32, pages: [Int])] {
        var order = Array(0..<table.pageCount)
        order.sort { lhs, rhs in
            let left = table.events[lhs].dayOrdinal
            let right = table.events[rhs].dayOrdinal
            return left != right ? left < right : lhs < rhs
        }
        var result: [(day: Int32, pages: [Int])] = []
        for page in order {
            let day = table.events[page].dayOrdinal
            if result.last?.day == day {
                result[result.count - 1].pages.append(page)
            } else {
                result.append((day, [page]))
            }
        }
        return result
    }

    /// Renders the index of `day`, listing `pages`.
    func render(day: Int32, pages: [Int]) -> GeneratedPage {
        let folder = table.dayFolders[Int(day)]
        let date = table.isoDates[Int(day)]
        var out = Array("### [".utf8) + date + Array("](".utf8) + folder + Array("/index.md)\n\n# Events of ".utf8)
        out += date + Array("\n\n".utf8)
        for (position, page) in pages.enumerated() {
            let event = table.events[page]
            out += Array("\(position + 1). [".utf8) + event.headline + Array("](".utf8) + folder + [0x2F]
            out += event.slug + Array(".md) _Context: ".utf8)
            let names = event.topics.map { table.catalog.topics[Int($0)].canonicalBytes }
                .sorted { $0.lexicographicallyPrecedes($1) }
            for (index, name) in names.enumerated() {
                if index > 0 { out += [0x2C, 0x20] }
                out += name
            }
            out += [0x5F, 0x0A]
        }
        return GeneratedPage(
            sitePath: String(decoding: folder + Array("/index.md".utf8), as: UTF8.self), bytes: out,
            damage: nil, topics: [], isDayIndex: true)
    }
}
