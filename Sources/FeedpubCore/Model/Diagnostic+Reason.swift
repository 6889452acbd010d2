extension Diagnostic {
    /// What is wrong with a page or a part of it.
    public enum Reason: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The file could not be read.
        case unreadable(String)
        /// The bytes are not UTF-8.
        case notUTF8
        /// No `### [YYYY-MM-DD](…)` line before the headline.
        case missingDate
        /// The date line names no real day.
        case invalidDate(String)
        /// No `# headline` line, or an empty one.
        case missingHeadline
        /// A link whose `(` is never closed; the link was dropped.
        case unclosedLink
        /// A list item that is not a `[text](url)` link; it was dropped.
        case notALink
        /// A URL that is not absolute http(s); the link was dropped.
        case unsafeURL(String)
        /// A Related path that is not `/news/YYYY/MM/D/slug.md`.
        case unusableRelatedPath(String)
        /// Characters XML 1.0 forbids were removed.
        case forbiddenCharacters(Int)
        /// Another page has the same site path or is the same event.
        case duplicate(of: String)
        /// The file is larger than `limits.pageBytes`; it was not read.
        case tooLarge(bytes: Int, limit: Int)
        /// The headline was cut to `limits.headlineCharacters`.
        case headlineCut(length: Int, limit: Int)
        /// Related entries beyond `limits.relatedEntries` were dropped.
        case relatedEntriesDropped(count: Int, limit: Int)
        /// A symbolic link under the input leads outside it; not followed.
        case linkOutsideInput(String)

        /// The message shown after `file:line:`.
        public var description: String {
            switch self {
            case .unreadable(let why): return "cannot read the page: \(why); page skipped"
            case .notUTF8: return "bytes are not valid UTF-8; page skipped"
            case .missingDate: return "no date line (### [YYYY-MM-DD](…)); page skipped"
            case .invalidDate(let text): return "'\(text)' is not a date (YYYY-MM-DD); page skipped"
            case .missingHeadline: return "no headline (# …); page skipped"
            case .unclosedLink: return "link has no closing parenthesis; link dropped"
            case .notALink: return "list item is not a [text](url) link; item dropped"
            case .unsafeURL(let url): return "'\(url)' is not an absolute http(s) URL; link dropped"
            case .unusableRelatedPath(let path):
                return "related path '\(path)' is not /news/YYYY/MM/D/slug.md; entry dropped"
            case .forbiddenCharacters(let count):
                return "\(count) control character\(count == 1 ? "" : "s") that XML 1.0 forbids removed"
            case .duplicate(let other): return "same event as \(other); merged into it"
            case .tooLarge(let bytes, let limit):
                return "the page is \(bytes) bytes, over limits.pageBytes (\(limit)); page skipped"
            case .headlineCut(let length, let limit):
                return "the headline is \(length) characters; cut to limits.headlineCharacters (\(limit))"
            case .relatedEntriesDropped(let count, let limit):
                let entries = count == 1 ? "entry" : "entries"
                return "\(count) Related \(entries) beyond limits.relatedEntries (\(limit)) dropped"
            case .linkOutsideInput(let target):
                return "symbolic link to '\(target)', outside the input folder; not followed"
            }
        }
    }
}
