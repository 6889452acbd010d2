@testable import FeedpubCore
import Testing

@Suite("Topic file names")
struct TopicSlugsTests {
    @Test("colliding and non-Latin names get unique, stable, safe slugs; the first in order keeps the plain one")
    func uniqueAndStable() {
        let keys = ["zürich", "zurich", "東京", "москва", "../../etc/passwd", "", "con", String(repeating: "x ", count: 5000)]
        let slugs = TopicSlugs.assign(keys)
        #expect(slugs["zurich"] == "zurich", "zurich sorts before zürich")
        #expect(slugs["zürich"]?.hasPrefix("zurich-") == true)
        #expect(slugs["東京"]?.hasPrefix("topic-") == true)
        #expect(slugs["../../etc/passwd"] == "etc-passwd")
        #expect(Set(slugs.values).count == keys.count, "unique")
        for slug in slugs.values {
            #expect(!slug.isEmpty && slug.count <= 80)
            #expect(slug.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(slug)")
        }
        #expect(TopicSlugs.assign(keys.reversed()) == slugs, "the order keys come in does not matter")
        #expect(TopicSlugs.assign(keys) == slugs, "the same on every run")
    }
}
