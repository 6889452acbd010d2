import Foundation

/// A file mapped into memory for reading, and unmapped once let go: the
/// page cache and the resolution state are tens to hundreds of MB, which
/// reading would first copy.
///
/// The mapping is private; builds replace these files by renaming a new
/// one into place, so a mapped file never changes under a reader.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer

    /// Why a file could not be mapped.
    struct Failure: Error {
        let reason: String
    }

    /// The file at `path`, mapped; nil when there is no such file.
    init?(path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard info.st_size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let size = Int(info.st_size)
        guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), start != MAP_FAILED else {
            throw Failure(reason: String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: start, count: size)
    }

    /// Lets the system take back the pages read so far: read again, they
    /// come back from the file, which this mapping never writes to.
    func dropResidentPages() {
        if let start = bytes.baseAddress { madvise(UnsafeMutableRawPointer(mutating: start), bytes.count, MADV_DONTNEED) }
    }

    deinit {
        if let start = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: start), bytes.count) }
    }
}
