import Foundation

/// An exclusive lock on an output folder (`flock` on `.feedpub-lock` inside
/// it), so that two builds writing the same folder take turns instead of
/// mixing their files. The lock is released when the value is released, or
/// by the system when the process ends, however it ends.
public final class BuildLock {
    /// The lock file's name inside the output folder.
    public static let fileName = ".feedpub-lock"

    private let handle: FileHandle

    /// Takes the lock on `folder`, which must exist. When another build holds
    /// it, calls `waiting` once and then waits for it.
    ///
    /// - Throws: ``OutputFolder/Failure`` when the lock file cannot be opened.
    public init(folder: URL, waiting: () -> Void = {}) throws(OutputFolder.Failure) {
        let path = folder.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolder.Failure(
                description: "\(path): cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    deinit {
        flock(handle.fileDescriptor, LOCK_UN)
    }
}
