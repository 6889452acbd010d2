import Foundation

/// The fields of a record `readdir` returns, read where they are: a record is
/// only as long as its name, so copying a whole `dirent` reads past it.
enum DirectoryRecord {
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// The entry's name.
    static func name(_ record: UnsafeMutablePointer<dirent>) -> String {
        String(cString: UnsafeRawPointer(record).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
    }

    /// The entry's type: `DT_DIR`, `DT_REG`, `DT_LNK`, …, or `DT_UNKNOWN`
    /// where the file system does not say.
    static func type(_ record: UnsafeMutablePointer<dirent>) -> UInt8 {
        UnsafeRawPointer(record).load(fromByteOffset: typeOffset, as: UInt8.self)
    }
}
