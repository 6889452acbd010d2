import Foundation

/// Reads a page file's bytes, refusing files over a size limit before
/// reading them (and stopping at the limit should the file grow meanwhile).
enum PageFile {
    /// What reading a page file gave.
    enum Outcome {
        /// The file's content.
        case bytes([UInt8])
        /// Why the file cannot be used.
        case unusable(Diagnostic.Reason)
    }

    /// The bytes of the file at `path`, or why it cannot be used.
    static func read(_ path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .unusable(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unusable(.unreadable(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .unusable(.unreadable("not a regular file")) }
        let size = Int(info.st_size)
        guard size <= limit else { return .unusable(.tooLarge(bytes: size, limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .unusable(.tooLarge(bytes: bytes.count, limit: limit)) }
                bytes += [UInt8](repeating: 0, count: max(4_096, bytes.count / 2))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .unusable(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return .bytes(bytes)
    }
}
