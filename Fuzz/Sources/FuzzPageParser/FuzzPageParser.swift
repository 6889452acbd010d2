// libFuzzer target: the page parser alone.
//
// Input: the bytes of one event page (FORMAT.md), any bytes at all.
// Fails (traps) when parsing crashes, or when the result breaks what
// `PageParser.Result` promises: a page is skipped (nil) exactly when an
// `.error` diagnostic says so, and every diagnostic's line is a real line.
//
// Build and run with Fuzz/run.sh; seeds are in Fuzz/Seeds/FuzzPageParser.

import FeedpubCore

private let parser = PageParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = parser.parse(bytes, file: "fuzz.md", sitePath: nil)

    let skipped = result.diagnostics.contains { $0.severity == .error }
    if (result.page == nil) != skipped {
        fatalError("page is \(result.page == nil ? "nil" : "kept") but diagnostics are \(result.diagnostics)")
    }
    // A line number may point one past the last newline (an unterminated last
    // line), never further.
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for diagnostic in result.diagnostics {
        if let line = diagnostic.line, !(1...lines).contains(line) {
            fatalError("diagnostic line \(line) outside 1...\(lines): \(diagnostic)")
        }
        _ = diagnostic.description
    }
    if let page = result.page {
        if !page.sitePath.hasPrefix("/news/") || !page.sitePath.hasSuffix(".md") {
            fatalError("site path not /news/…/.md: \(page.sitePath)")
        }
    }
    return 0
}
