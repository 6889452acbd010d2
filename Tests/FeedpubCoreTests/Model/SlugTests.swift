import FeedpubCore
import Foundation
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("the site slug of every Related link text in the seeds is the slug its path ends with")
    func seedsGroundTruth() throws {
        let parser = PageParser()
        var checked = 0
        for url in [TestFiles.seed000, TestFiles.seed001] {
            let page = try #require(parser.parse(try TestFiles.bytes(url), file: "seed", sitePath: nil).page)
            for entry in page.related {
                #expect(Slug.site(entry.headline) == entry.slug, "\(entry.sitePath)")
                checked += 1
            }
        }
        #expect(checked == 15)
    }

    @Test("the site slug folds runs of other characters into one dash and trims dashes")
    func siteSlugShape() {
        #expect(Slug.site(" A U.S. airstrike -- in Al-Raqqah! ") == "a-u-s-airstrike-in-al-raqqah")
        #expect(Slug.site("Burkinabé") == "burkinab")
        #expect(Slug.site(String(repeating: "word ", count: 60)).count <= 140)
    }

    @Test(
        "file slugs are readable ASCII",
        arguments: [
            ("Burkinabé", "burkinabe"), ("Côte d'Ivoire", "cote-d-ivoire"), ("São Paulo", "sao-paulo"),
            ("Zürich", "zurich"), ("AT&T", "at-and-t"), ("Straße", "strasse"), ("../../etc/passwd", "etc-passwd"),
            ("Москва", ""), ("  Syrian  Civil War ", "syrian-civil-war"),
        ])
    func asciiSlug(name: String, expected: String) {
        #expect(Slug.ascii(name) == expected)
    }

    @Test("file slugs are bounded")
    func bounded() {
        #expect(Slug.ascii(String(repeating: "ab ", count: 5000), maxLength: 80).count <= 80)
    }
}
