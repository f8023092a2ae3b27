/// Why a test bed could not be built.
public enum TestbedError: Error, CustomStringConvertible {
    /// `scripts/testbed up` failed; its error output says why.
    case upFailed(String)

    public var description: String {
        switch self {
        case .upFailed(let stderr): "scripts/testbed up failed: \(stderr)"
        }
    }
}
