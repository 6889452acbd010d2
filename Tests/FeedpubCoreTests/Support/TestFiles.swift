import Foundation
import FeedpubCore
import Testing

/// Paths of the repository and scratch folders for tests.
enum TestFiles {
    /// The package root (the folder with Package.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The two seed pages of the bundled sample, as the corpus holds them.
    static let seed000 = packageRoot.appendingPathComponent(
        "news/2015/11/17/the-russian-military-launches-cruise-missile-strikes-from-the-mediterranean-on-isis-positions-in-al-raqqah-the-islamic-state-of-iraq-and-th.md"
    )
    static let seed001 = packageRoot.appendingPathComponent(
        "news/2015/11/20/russian-military-intervention-in-the-syrian-civil-war-russian-warships-launch-cruise-missiles-from-the-caspian-sea-against-islamic-state-of.md"
    )

    /// The bytes of a file of the repository.
    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// Runs `body` with a new empty folder that is removed afterwards.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedpub-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Runs `body` with a new empty folder that is removed afterwards.
    static func withTemporaryFolderAsync<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedpub-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// Writes `text` to `path` under `root`, creating folders.
    @discardableResult
    static func write(_ text: String, to path: String, under root: URL) throws -> URL {
        try write(Array(text.utf8), to: path, under: root)
    }

    /// Writes `bytes` to `path` under `root`, creating folders.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String, under root: URL) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }
}

extension TestFiles {
    /// The bundled sample (`news/`) copied into `root`, and `config.json`'s
    /// settings for building that copy into `root/out`.
    static func sampleCopy(in root: URL) throws -> Configuration {
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("news"), to: root.appendingPathComponent("news"))
        var configuration = try ConfigurationLoader().load(packageRoot.appendingPathComponent("config.json"))
        configuration.input = root
        configuration.output = root.appendingPathComponent("out")
        return configuration
    }
}

extension TestFiles {
    /// Every published file under the output folder `root` (relative path →
    /// bytes): not the build's manifest, lock, page cache or temporary files.
    static func published(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        while let path = walker.nextObject() as? String {
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.path + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
        }
        return files
    }

    /// The sample's page of 2015-11-17 (seed 000) in a copy of the sample under `root`.
    static func samplePage(in root: URL) throws -> URL {
        let folder = root.appendingPathComponent("news/2015/11/17")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        return folder.appendingPathComponent(name)
    }

    /// Edits that page, replacing `old` (which it must hold) with `new`.
    static func editSamplePage(in root: URL, replacing old: String, with new: String) throws {
        let file = try samplePage(in: root)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}
