/// News outlets that pages cite as sources, with the hosts of their links.
enum OutletCatalog {
    /// Each outlet: the link text pages show, and the host its URLs use.
    static let outlets: [(name: [UInt8], host: [UInt8])] = [
        ("RT", "www.rt.com"), ("The Independent", "www.independent.co.uk"),
        ("Sky News", "news.sky.com"), ("BBC News", "www.bbc.co.uk"), ("Reuters", "www.reuters.com"),
        ("Al Jazeera", "www.aljazeera.com"), ("Le Monde", "www.lemonde.fr"),
        ("Süddeutsche Zeitung", "www.sueddeutsche.de"), ("The New York Times", "www.nytimes.com"),
        ("Deutsche Welle", "www.dw.com"), ("El País", "elpais.com"),
        ("Folha de S.Paulo", "www1.folha.uol.com.br"), ("NHK World", "www3.nhk.or.jp"),
        ("ABC News (Australia)", "www.abc.net.au"), ("Yonhap", "en.yna.co.kr"),
        ("The Times of India", "timesofindia.indiatimes.com"), ("Ouest-France", "www.ouest-france.fr"),
        ("AT&T Newsroom", "about.att.com"), ("The Guardian", "www.theguardian.com"),
        ("Associated Press", "apnews.com"), ("Agence France-Presse", "www.afp.com"),
        ("Haaretz", "www.haaretz.com"), ("Kyiv Post", "www.kyivpost.com"),
        ("Mail & Guardian", "mg.co.za"), ("Radio Free Europe/Radio Liberty", "www.rferl.org"),
        ("CBC News", "www.cbc.ca"), ("Euronews", "www.euronews.com"), ("Xinhua", "www.xinhuanet.com"),
        ("The Japan Times", "www.japantimes.co.jp"), ("Premium Times", "www.premiumtimesng.com"),
        ("Dawn", "www.dawn.com"), ("Clarín", "www.clarin.com"), ("TASS", "tass.com"),
        ("ProPublica", "www.propublica.org"), ("Nature", "www.nature.com"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// URL path sections.
    static let sections: [[UInt8]] = ["news", "world", "politics", "article", "story", "en", "middle-east",
                                      "business", "science", "international"].map { Array($0.utf8) }

    /// Cover image extensions, with how often each is drawn (in thousandths).
    static let imageExtensions: [(ext: [UInt8], weight: Double)] = [
        (".jpg", 520), (".jpeg", 100), (".png", 150), (".gif", 50), (".webp", 90), (".svg", 30),
        (".JPG", 20), ("", 20), (".img", 8), (".php?id=7", 6), (".tiff", 6),
    ].map { (Array($0.0.utf8), $0.1) }
}
