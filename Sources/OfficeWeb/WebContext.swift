import Hummingbird
import NIOCore

/// The request context of the web page: Hummingbird's, plus the client's address (for the login
/// throttle) and a larger upload limit for device lists.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, or "" when unknown (the in-process test client).
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
    }

    /// A device list of a few thousand rows is well under this; a bigger body is refused (413).
    public var maxUploadSize: Int { 8 << 20 }
}
