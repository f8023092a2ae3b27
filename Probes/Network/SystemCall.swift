import Glibc

/// Runs system calls so that their errno becomes a thrown `SystemCallError` at once.
///
/// `errno` is thread-local and overwritten by the next call that fails, including calls the Swift
/// runtime makes on its own (allocation, closures' cleanup): so it is read here, in the same
/// expression as the call, as NIOPosix's `syscall(blocking:where:_:)` does, never later.
enum SystemCall {
    /// Calls `body`, which makes one system call returning -1 on failure, and returns its result.
    ///
    /// A call interrupted by a signal (EINTR) is made again; any other failure throws with the call's
    /// `name` and errno. Non-blocking calls' EAGAIN or EINPROGRESS are thrown like any other errno:
    /// the caller decides what they mean.
    @discardableResult
    static func run<Result: BinaryInteger>(_ name: String, _ body: () -> Result) throws(SystemCallError) -> Result {
        while true {
            let result = body()
            guard result == -1 else { return result }
            let code = errno
            if code == EINTR { continue }
            throw SystemCallError(call: name, code: code)
        }
    }
}
