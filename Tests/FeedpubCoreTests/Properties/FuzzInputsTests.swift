import FeedpubCore
import Foundation
import Testing

/// The fuzzers' committed inputs (Fuzz/Seeds and every crash kept in
/// Fuzz/Regressions), run through the same path in the test suite, so that a
/// crash the fuzzers once found stays fixed without a fuzzing toolchain.
@Suite("Fuzzing inputs")
struct FuzzInputsTests {
    static let fuzz = TestFiles.packageRoot.appendingPathComponent("Fuzz")

    /// The inputs of `target`: its seeds and its regressions.
    static func inputs(_ target: String) throws -> [URL] {
        let seeds = try FileManager.default.contentsOfDirectory(
            at: fuzz.appendingPathComponent("Seeds/\(target)"), includingPropertiesForKeys: nil)
        let regressions = ((try? FileManager.default.contentsOfDirectory(
            at: fuzz.appendingPathComponent("Regressions"), includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix(target + "-") }
        return (seeds + regressions).sorted { $0.path < $1.path }
    }

    @Test("every page-parser input is parsed; a page is skipped exactly when an error says so")
    func pageParserInputs() throws {
        let inputs = try Self.inputs("FuzzPageParser")
        #expect(inputs.count >= 20)
        for input in inputs {
            let result = PageParser().parse(try TestFiles.bytes(input), file: "fuzz.md", sitePath: nil)
            #expect((result.page == nil) == result.diagnostics.contains { $0.severity == .error }, "\(input.lastPathComponent)")
        }
    }

    @Test("every pipeline input (pages joined by LF U+001E LF) gives sound feeds")
    func pipelineInputs() throws {
        let inputs = try Self.inputs("FuzzPipeline")
        #expect(inputs.count >= 10)
        let separator: [UInt8] = [0x0A, 0x1E, 0x0A]
        for input in inputs {
            var bytes = try TestFiles.bytes(input)[...]
            var pages: [[UInt8]] = []
            while pages.count < 64, let range = bytes.firstRange(of: separator) {
                pages.append(Array(bytes[..<range.lowerBound]))
                bytes = bytes[range.upperBound...]
            }
            if pages.count < 64 { pages.append(Array(bytes)) }
            let parsed = pages.enumerated().compactMap { index, page in
                PageParser().parse(page, file: "\(index).md", sitePath: nil).page
            }
            let corpus = EventResolver(aliases: ["ISIL": "Islamic State of Iraq and the Levant"]).resolve(parsed).corpus
            let renderer = try FeedRenderer(corpus: corpus, configuration: RenderedCorpus.configuration)
            for document in try renderer.feeds.flatMap({ try renderer.render($0) }) + (try renderer.renderFolderDocuments()) {
                if document.path.hasSuffix(".json") {
                    #expect(try JSONSerialization.jsonObject(with: Data(document.bytes)) is [String: Any])
                } else {
                    FeedDocumentChecks.expectSound(try XMLNode.parse(document.bytes), path: document.path)
                }
            }
        }
    }
}
