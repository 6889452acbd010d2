import FeedpubCore
import Testing

@Suite("Mojibake repair")
struct MojibakeTests {
    @Test(
        "UTF-8 read as Windows-1252 is decoded back",
        arguments: [
            ("Franceâ€™s", "France’s"),
            ("Ã©tÃ© Ã\u{A0}Paris", "été àParis"),
            ("â€œquotedâ€\u{9D}", "“quoted”"),
            ("a â€” b â€“ c", "a — b – c"),
            ("Â£5 and Â©", "£5 and ©"),
            ("Burkinabã©".replacingOccurrences(of: "ã©", with: "Ã©"), "Burkinabé"),
            ("emoji ðŸ˜€", "emoji 😀"),
            ("twice: Ã‚Â£", "twice: £"),
        ])
    func repaired(mangled: String, expected: String) {
        #expect(Mojibake.repair(mangled) == expected)
    }

    @Test(
        "correct text is left alone",
        arguments: ["Café naïve Zürich", "São Paulo", "Ã alone", "Ã and ©", "Москва 東京", "plain ASCII", "ÂÂ"])
    func untouched(text: String) {
        #expect(Mojibake.repair(text) == text)
    }
}
