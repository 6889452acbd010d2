@testable import FeedpubCore
import Testing

@Suite("Topic file names")
struct TopicSlugsTests {
    @Test("colliding and non-Latin names get unique, stable, safe slugs; the first in order keeps the plain one")
    func uniqueAndStable() {
        let keys = ["zürich", "zurich", "東京", "москва", "../../etc/passwd", "", "con", "nul", "lpt1", "..",
            String(repeating: "x ", count: 5000)]
        let slugs = TopicSlugs.assign(keys)
        #expect(slugs["zurich"] == "zurich", "zurich sorts before zürich")
        #expect(slugs["zürich"]?.hasPrefix("zurich-") == true)
        #expect(slugs["東京"]?.hasPrefix("topic-") == true)
        #expect(slugs["../../etc/passwd"] == "etc-passwd")
        for device in ["con", "nul", "lpt1"] {
            #expect(slugs[device]?.hasPrefix(device + "-") == true, "Windows reserves \(device) for a device")
        }
        #expect(Set(slugs.values).count == keys.count, "unique")
        for slug in slugs.values {
            #expect(!slug.isEmpty && slug.count <= 80)
            #expect(slug.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(slug)")
        }
        #expect(TopicSlugs.assign(keys.reversed()) == slugs, "the order keys come in does not matter")
        #expect(TopicSlugs.assign(keys) == slugs, "the same on every run")
    }
}
