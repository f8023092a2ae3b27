import Glibc

/// A system call that failed: which one, and the errno it set.
///
/// Made by `SystemCall.run` right after the call, before anything else can overwrite `errno`.
struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call's name, e.g. `connect`.
    let call: String
    /// The errno it failed with.
    let code: Int32

    var description: String { "\(call): \(SocketErrno.message(code)) (errno \(code))" }
}
