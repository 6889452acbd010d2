import CLibXML2

/// The one gate between feedpub and libxml2's C results.
///
/// Every libxml2 call whose result can signal failure goes through `check`,
/// which turns the failure into a ``LibXMLError`` naming the call.
enum LibXML {
    /// Prepares libxml2 for use from several threads; safe to call many times.
    static func initialize() {
        _ = initialized
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Returns `result` when it is not negative, else throws naming `call`.
    @discardableResult
    static func check(_ result: Int32, _ call: StaticString) throws(LibXMLError) -> Int32 {
        guard result >= 0 else { throw LibXMLError(call: "\(call)", detail: lastErrorMessage()) }
        return result
    }

    /// Returns `pointer` when it is not nil, else throws naming `call`.
    static func check<T>(_ pointer: T?, _ call: StaticString) throws(LibXMLError) -> T {
        guard let pointer else { throw LibXMLError(call: "\(call)", detail: lastErrorMessage()) }
        return pointer
    }

    /// libxml2's last error message on this thread, trimmed, or nil.
    static func lastErrorMessage() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        let line = error.pointee.line
        return line > 0 ? "line \(line): \(text)" : text
    }

    /// Clears libxml2's last error on this thread.
    static func resetLastError() {
        xmlResetLastError()
    }
}
