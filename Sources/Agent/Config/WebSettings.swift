import Inventory
import KiemkeCore

/// The `[web]` table: whether and where the daemon serves the office's web page, and who may read it.
public struct WebSettings: Sendable, Equatable {
    /// Where to listen ("0.0.0.0:8080"); nil: the daemon serves no page (the default).
    public var listen: ListenAddress?
    /// Whether reading the pages needs a login too (changes always do).
    public var requireLogin = false
    /// How long a login lasts without use.
    public var sessionTimeout: Duration = .seconds(8 * 3600)
    /// Marks cookies Secure: set when the page is reached over HTTPS (a reverse proxy in front).
    public var secureCookies = false
    public init() {}
}

/// A host and port to listen on: "0.0.0.0:8080", "127.0.0.1:8080", "[::1]:8080".
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads "HOST:PORT"; nil with `problem(with:)` saying why.
    public init?(_ text: String) {
        guard Self.problem(with: text) == nil, let (host, port) = Self.split(text) else { return nil }
        self.init(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Why `text` is not a listen address, or nil.
    public static func problem(with text: String) -> String? {
        guard let (host, port) = split(text) else {
            return "\(TerminalText.quoted(text)) is not HOST:PORT; write e.g. \"0.0.0.0:8080\" (every address) or \"127.0.0.1:8080\" (this PC only)"
        }
        if IPAddress(host) == nil {
            return "\(TerminalText.quoted(host)) is not an IPv4 or IPv6 address; write e.g. \"0.0.0.0:8080\" or \"[::]:8080\""
        }
        if !(1...65_535).contains(port) { return "port \(port) is outside 1...65535" }
        return nil
    }

    private static func split(_ text: String) -> (String, Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { return nil }
            let host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (host, port)
        }
        guard let colon = trimmed.lastIndex(of: ":"), let port = Int(trimmed[trimmed.index(after: colon)...]) else { return nil }
        let host = String(trimmed[..<colon])
        if host.contains(":") { return nil }
        return (host, port)
    }
}
