import Foundation

/// Where the command line prints: messages to standard error, results to
/// standard output.
struct FileHandleOutput: Sendable {
    private let handle: FileHandle

    static let standardError = FileHandleOutput(handle: .standardError)
    static let standardOutput = FileHandleOutput(handle: .standardOutput)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
