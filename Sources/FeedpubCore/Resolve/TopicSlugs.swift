/// Gives every topic a file name stem: readable ASCII, unique, safe.
enum TopicSlugs {
    /// The stem for each key in `keys`. Topics whose readable slugs collide,
    /// that have none (`東京`), or whose slug Windows reserves for a device
    /// (`CON`, `nul`, `com1`...), get a suffix from a stable hash of their
    /// key; the first key in sorted order keeps the plain slug.
    static func assign(_ keys: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var taken: Set<String> = []
        var deferred: [String] = []
        for key in keys.sorted() {
            let slug = Slug.ascii(key, maxLength: 80)
            if slug.isEmpty || taken.contains(slug) || reserved.contains(slug) {
                deferred.append(key)
            } else {
                taken.insert(slug)
                result[key] = slug
            }
        }
        for key in deferred {
            let base = Slug.ascii(key, maxLength: 64)
            var hash = StableHash.fnv1a(key)
            var slug: String
            repeat {
                let suffix = String(hash % (1 << 40), radix: 36)
                slug = base.isEmpty ? "topic-\(suffix)" : "\(base)-\(suffix)"
                hash = hash &* 31 &+ 7
            } while taken.contains(slug)
            taken.insert(slug)
            result[key] = slug
        }
        return result
    }

    /// Names Windows gives to devices, whatever the extension: a feed named
    /// `con.atom` could not be copied to or served from a Windows machine.
    private static let reserved: Set<String> = Set(
        ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
}
