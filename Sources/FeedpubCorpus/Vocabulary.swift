/// Word and phrase lists the headline and body text is built from, as UTF-8.
///
/// Headline lists never contain `[`, `]`, line breaks or curly punctuation;
/// body-only lists carry the curly quotes, dashes and accents that mojibake
/// pages garble.
enum Vocabulary {
    /// Splits a `|`-separated list into UTF-8 phrases.
    static func phrases(_ list: String) -> [[UInt8]] {
        list.split(separator: "|").map { Array($0.utf8) }
    }

    /// Subjects; `@` stands for a topic name, `~` for a person's name.
    static let subjects = phrases(
        "@|@|@|The government of @|Officials in @|Authorities in @|Police in @|Rescue workers in @|"
        + "The United Nations|The World Bank|A spokesperson for @|Protesters in @|@'s parliament|"
        + "@'s foreign ministry|@'s supreme court|Prime Minister ~|President ~|Scientists in @|"
        + "The central bank of @|Doctors at a hospital in @|Rebel forces near @|Opposition leader ~|"
        + "A U.S. official|The European Commission|Human rights groups in @|Residents of @|"
        + "Journalist ~|A court in @|Voters in @|The military of @|Defense Minister ~")

    /// Verbs in the third person, present tense, as headlines use them.
    static let verbs = phrases(
        "announces|says it will review|confirms|denies|launches|approves|rejects|condemns|suspends|"
        + "proposes|warns of|reports|investigates|postpones|signs|unveils|calls for|votes against|"
        + "votes for|agrees to|criticizes|delays|expands|ends|extends|resumes|backs|challenges")

    /// Determiners (the adjectives that follow all start with a consonant).
    static let determiners = phrases("a|the|a new|its|another|a second|the long-delayed")

    /// Adjectives.
    static let adjectives = phrases(
        "controversial|sweeping|temporary|multibillion-dollar|long-awaited|cross-border|three-day|"
        + "nationwide|joint|bilateral|preliminary|major|deadly|massive|secret|fragile|record|"
        + "surprise|landmark|disputed|partial|symbolic|costly|binding|regional|fresh")

    /// Nouns.
    static let nouns = phrases(
        "ceasefire|agreement|investigation|sanctions package|airstrike|referendum|budget|reform|"
        + "trade deal|military operation|vaccination campaign|evacuation|strike|inquiry|summit|"
        + "election|peace deal|austerity plan|bailout|merger|pipeline project|lockdown|curfew|"
        + "embargo|rescue operation|treaty|crackdown|protest|ban|tax|offensive|recount|audit|"
        + "amnesty|blockade|census|dam project|satellite launch|heat wave|cyberattack")

    /// Prepositions that join a noun phrase to a place or topic.
    static let prepositions = phrases("with|against|in|for|over|near|on|across|along")

    /// Places that are not topics.
    static let places = phrases(
        "the capital|the border region|the northern provinces|the southern coast|the delta|"
        + "the industrial port|the disputed enclave|the eastern suburbs|the highlands|two provinces")

    /// Roles people hold.
    static let roles = phrases(
        "president|prime minister|foreign minister|finance minister|army chief|mayor|chief justice|"
        + "central bank governor|opposition leader|health minister")

    /// Clauses that may end a sentence; `@` topic, `~` name, `#` a number, `^` an outlet.
    static let clauses = phrases(
        ", according to ^|, citing a senior official|, killing at least # people|"
        + ", leaving # people injured| after # days of talks| amid growing concerns over the budget|"
        + ", while @ expresses \"reservations\"| despite objections from @|, the first such move since 2009|"
        + " in a show of solidarity with @|, describing it as \"a historic step\"| following the protests in @|"
        + ", @'s ~ says| worth $# million| by a vote of # to 12|, raising the death toll to #|"
        + ", which @ calls 'illegal'|, ^ reports| for the #th time this year|, affecting # households")

    /// Body-only sentences with curly quotes, apostrophes, dashes and accents;
    /// `@` topic, `~` name, `#` number.
    static let bodySentences = phrases(
        "“We will not back down,” ~ said at a café in @.|"
        + "The ministry’s statement — issued late on Friday — did not mention @.|"
        + "Critics called the plan a “naïve” attempt to please voters in @.|"
        + "~, a protégé of the former régime, said the coup d’état had “changed everything.”|"
        + "It’s the #th such incident this year, officials in @ say.|"
        + "Residents described the scene as “déjà vu” — the third flood in a decade.|"
        + "The government’s résumé of the talks runs to # pages.|"
        + "“This is not the end,” ~ told reporters, “it’s the beginning.”|"
        + "Prices rose by #% — the fastest pace since the crisis in @.")

    /// Headline sentences with markup-like characters (`&`, `<`, `>`, quotes).
    static let markupSentences = phrases(
        "Analysts say exports fell < 3% while imports rose > 7% in @.|"
        + "A court in @ rules that the slogan \"<script>alert('x')</script>\" is protected speech.|"
        + "@ says the new tax is \"<b>unacceptable</b>\" & vows to fight it.|"
        + "Researchers & engineers in @ report that 2 < 3 > 1 \"still holds\" after the audit.|"
        + "The R&D budget of @'s <em>space agency</em> is cut by 40%.")

    /// Body sentences that try to break a CDATA section or double-escape.
    static let cdataSentences = phrases(
        "The leaked file ended with the string \"]]>\" and a stray </data> tag.|"
        + "A filing from @ lists the Q&amp;A session as \"closed\" and quotes ]]> verbatim.|"
        + "The report’s appendix contains <![CDATA[ raw ]]> markup copied from @.")
}
