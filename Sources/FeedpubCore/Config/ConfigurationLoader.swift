import Foundation

/// Reads `config.json`, checking every key: an unknown key, a wrong type or
/// an invalid value stops the run with a message naming the key.
public struct ConfigurationLoader: Sendable {
    /// A loader.
    public init() {}

    /// The configuration in `file`. Relative `input` and `output` paths are
    /// taken relative to the folder `file` is in.
    public func load(_ file: URL) throws(ConfigurationError) -> Configuration {
        let name = file.path
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ConfigurationError(file: name, key: nil, message: "cannot read the file (\(Self.reason(error)))")
        }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ConfigurationError(file: name, key: nil, message: Self.syntaxError(in: data, error))
        }
        var reader = ConfigurationReader(file: name, base: file.deletingLastPathComponent())
        return try reader.read(root)
    }

    /// Why `data` is not JSON, with the line and column where that shows
    /// when the JSON parser tells the place.
    private static func syntaxError(in data: Data, _ error: Error) -> String {
        var detail = reason(error)
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? detail
        }
        let bytes = [UInt8](data)
        var offset: Int?
        if let marker = detail.range(of: "character ") {
            offset = Int(detail[marker.upperBound...].prefix { $0.isNumber }).map { min($0, bytes.count) }
        } else if detail.localizedCaseInsensitiveContains("end of file") || bytes.isEmpty {
            offset = bytes.count
        }
        guard let offset else { return "not valid JSON (\(detail))" }
        let before = bytes[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        let what = offset == bytes.count ? "the file ends before the JSON value does" : "not valid JSON"
        return "line \(line), column \(column): \(what) (\(detail))"
    }

    private static func reason(_ error: Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context): return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
            default: return "\(decoding)"
            }
        }
        return error.localizedDescription
    }
}
