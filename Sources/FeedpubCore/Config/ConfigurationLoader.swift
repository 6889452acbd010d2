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
            throw ConfigurationError(file: name, key: nil, message: "not valid JSON (\(Self.reason(error)))")
        }
        var reader = ConfigurationReader(file: name, base: file.deletingLastPathComponent())
        return try reader.read(root)
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
