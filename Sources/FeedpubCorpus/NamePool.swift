/// Word lists the generated topic names are assembled from.
enum NamePool {
    /// Given names.
    static let firstNames: [String] = """
    Aaliyah Abdul Adaeze Adrián Ahmed Aiko Aleksandr Alicia Amara Amir Ana Andrzej Anh Anja Antonio \
    Arjun Astrid Ayşe Beatriz Bilal Björn Bongani Camila Carlos Catalina Chen Chidi Chloé Dmitri \
    Dolores Efua Elena Elif Emeka Émile Erik Esperanza Fatima Felipe Fernanda François Giulia Grace \
    Hana Hassan Helga Hiroshi Ibrahim Ifeoma Ines Ingrid Ivan Jana Javier Jean Jiho Joaquín Jonas \
    José Juan Kalinda Kamal Karin Kateryna Kenji Khalid Kofi Lars Layla Leila Lucía Luis Magdalena \
    Mahmoud Maria Marek Mariam Mateus Mehmet Mei Miguel Mohammed Nadia Naledi Nikolai Noor Olga \
    Omar Oscar Paolo Pedro Priya Rafael Rania Ravi Renata Roberto Rosa Saanvi Salma Samuel Sandra \
    Santiago Sara Sergei Siddharth Sofía Stefan Sunita Tariq Thabo Tomás Valentina Viktor Wei \
    Xavier Yaw Yasmin Yusuf Zainab Zanele Zoltán
    """.split(separator: " ").map(String.init)

    /// Family names.
    static let lastNames: [String] = """
    Abadi Acheampong Adeyemi Alvarez Andersen Antonov Arslan Bakker Banerjee Barros Becker Bianchi \
    Bogdanov Castillo Chatterjee Chowdhury Costa Cruz Dahl Demir Diallo Dubois Dvořák Eriksson \
    Fernández Ferreira Fischer Fontaine Gallagher García Gonzaga Gruber Haddad Hakimi Hansen \
    Hernández Horvat Hosseini Ibáñez Ivanova Jansen Jovanović Kaya Keller Khan Kim Kowalski Kovač \
    Kuznetsov Laurent Lefebvre Lindqvist Lombardi López Mahlangu Mansour Marković Martins Mensah \
    Moreau Müller Nakamura Nguyen Novák Nwosu Okafor Okonkwo Olsen Ortiz Owusu Öztürk Papadopoulos \
    Park Pereira Petrov Popescu Quispe Rahman Ramírez Rossi Saito Sánchez Santos Schmidt Silva \
    Sokolov Suárez Suzuki Szabó Tanaka Tshabalala Vanderberg Vasquez Volkov Wagner Wang Weber \
    Wiśniewski Yamamoto Yılmaz Zhang Zielinski
    """.split(separator: " ").map(String.init)

    /// Syllables that may start a generated place or family name.
    static let initialSyllables: [String] = """
    Ka Ro Mi Sta Vel Dor An Te Lu Bri Zan Qui Mo Ra Ne Tor Ba Gol Fen Sar Vi Ost Ul Ek Pra Den Hal \
    Rim Tal Cor Nor Esk Ash Bel Cal Dra Fal Gar Hol Ist Jor Kel Lan Mar Nav Ol Pel Sol Tir Var Yel Zor
    """.split(separator: " ").map(String.init)

    /// Syllables that may follow the first one (some carry non-ASCII letters).
    static let innerSyllables: [String] = """
    ka ro mi sta vel dor an te lu bri zan qui mo ra ne tor ish ba gol fen ly sar vi ost ul ek den \
    hal rim lé rö ña ção ür ès ål ıš ov ia ena ga bad pur grad stan ville mund holm vik ona eni
    """.split(separator: " ").map(String.init)

    /// Endings that turn a name into a place of a certain kind (empty: none).
    static let placeSuffixes: [String] = [
        "", "", "", "", " Province", " Governorate", " District", " River", " Island",
        " Oblast", " Region", " Valley", " Mountains", " Bay",
    ]

    /// Patterns for organizations: `P` is a place name, `L` a family name.
    static let organizationPatterns: [String] = [
        "P National Party", "P Liberation Front", "Bank of P", "L Group", "L & L",
        "P Football Club", "University of P", "L Industries", "P Airlines", "P Workers' Union",
        "P Stock Exchange", "L & Sons", "P Red Crescent", "\"P First\" movement",
    ]

    /// Patterns for events: `P` is a place name, `Y` a year.
    static let eventPatterns: [String] = [
        "Y P earthquake", "Y P election", "P crisis", "Y P floods", "P protests",
        "P peace process", "Y P coup d'état", "P hostage crisis", "Y P wildfires",
        "P border conflict", "Y P referendum", "P insurgency", "P refugee crisis",
        "Y P general strike", "P cholera outbreak", "Y P mine disaster",
    ]
}
