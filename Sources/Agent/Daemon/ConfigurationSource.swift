import Synchronization

/// The configuration in force for the daemon's services, replaced as a whole on reload.
///
/// Every service reads it when it starts a unit of work (a batch, a prune), so a reload takes
/// effect at the next one and no service sees half of an old and half of a new config.
public final class ConfigurationSource: Sendable {
    /// Reads the config again; throws when the new one is invalid.
    public typealias Loader = @Sendable () throws -> Configuration

    private let state: Mutex<(configuration: Configuration, generation: Int)>
    private let loader: Loader?

    /// A source starting at `configuration`; `reload` re-reads through `loader` (none: reload keeps it).
    public init(_ configuration: Configuration, loader: Loader? = nil) {
        state = Mutex((configuration, 0))
        self.loader = loader
    }

    /// The configuration in force.
    public var configuration: Configuration { state.withLock { $0.configuration } }

    /// The configuration in force and how many reloads made it, so a reader can tell it changed.
    public var current: (configuration: Configuration, generation: Int) { state.withLock { $0 } }

    /// Reads the config again and puts it in force; on error the one in force stays.
    public func reload() throws {
        guard let loader else { return }
        let fresh = try loader()
        state.withLock { $0 = (fresh, $0.generation + 1) }
    }
}
