import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes corpus files and folders with plain `open`/`write`/`close`/`mkdir`: Foundation's
/// `Data.write(to:)` calls `fsync` on Linux, which makes 100,000 small files
/// take minutes instead of seconds. A corpus is scratch data; it needs no sync.
enum CorpusFileWriter {
    /// A file that could not be written.
    struct Failure: Error, CustomStringConvertible {
        /// The file's path.
        let path: String
        /// The `errno` of the failed call.
        let code: Int32

        /// The path and the system's message for `code`.
        var description: String {
            "cannot write \(path): \(String(cString: strerror(code)))"
        }
    }

    /// Creates the folder at `path` (its parent must exist); an existing
    /// folder is fine.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    /// Creates or truncates the file at `path` and writes `bytes` to it.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { _ = close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, code: errno)
                }
                offset += written
            }
        }
    }
}
