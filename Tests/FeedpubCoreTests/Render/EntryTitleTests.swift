@testable import FeedpubCore
import Testing

@Suite("Entry titles")
struct EntryTitleTests {
    @Test("a short headline is the title")
    func short() {
        #expect(EntryTitle.make("Short headline. Two sentences.") == "Short headline. Two sentences.")
    }

    @Test("a long headline is cut at the last sentence end near 160 characters")
    func sentenceCut() {
        let first = "The U.S. Senate passes a bill on something that matters a great deal to many people in the country."
        let second = " It goes to the House next week, where it faces a close vote and long debate."
        let third = " Critics say it will fail."
        #expect(EntryTitle.make(first + second + third) == first + second)
        #expect(EntryTitle.make(first + second + third).count <= 180)
    }

    @Test("without a sentence end it is cut at a word boundary with an ellipsis")
    func wordCut() {
        let headline = String(repeating: "word ", count: 50)
        let title = EntryTitle.make(headline)
        #expect(title.hasSuffix("word…"))
        #expect(title.count <= 160)
    }

    @Test("abbreviations and initials are not sentence ends")
    func abbreviations() {
        let headline = String(repeating: "x", count: 70) + " U.S. officials and George W. Bush meet " + String(repeating: "y ", count: 60)
        #expect(!EntryTitle.make(headline).hasSuffix("U.S."))
        #expect(!EntryTitle.make(headline).hasSuffix("W."))
        #expect(EntryTitle.make(headline).hasSuffix("…"))
    }
}
