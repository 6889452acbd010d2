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
        #expect(Slug.site("İstanbul and the \u{212A}elvin sign") == "i-stanbul-and-the-kelvin-sign", "the two non-ASCII letters that lowercase to ASCII")
        let long = String(repeating: "a", count: 139) + "İx"
        #expect(Slug.site(long) == String(repeating: "a", count: 139) + "i", "İ takes two of the 140 places")
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

    /// The site slug as FORMAT.md and the seeds define it, written the plain way.
    static func referenceSlug(_ headline: String) -> String {
        let lowered = String(headline.trimmingCharacters(in: .whitespaces).lowercased().unicodeScalars.prefix(140))
        var slug = ""
        var dash = false
        for scalar in lowered.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if dash && !slug.isEmpty { slug += "-" }
                dash = false
                slug.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return slug
    }

    @Test("the one-pass site slug equals the plain definition on 3,000 generated headlines")
    func siteSlugProperty() {
        let alphabet: [String] = [
            "a", "Z", "q", "7", " ", "-", ".", ",", "'", "é", "É", "ß", "İ", "\u{212A}", "ı", "Ω", "東", "😀", "e\u{301}",
            "\t", "Ǆ", "ﬁ", "Å", "\u{00A0}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let length = next(220)
            let headline = (0..<length).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(Slug.site(headline) == Self.referenceSlug(headline), "\(headline.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
