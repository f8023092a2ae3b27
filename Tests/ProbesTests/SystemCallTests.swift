import Glibc
// @testable for SystemCall, SystemCallError and IPAddress.withSockaddr, which are internal.
@testable import Probes
import Testing
import KiemkeCore

/// `SystemCall.run` turns a failed call's errno into a `SystemCallError` naming the call, at once.
@Suite("System calls: errno becomes a typed error right after the call")
struct SystemCallTests {
    /// Runs `body` with a socket of `address`'s family; the socket is closed afterwards.
    private func withSocket<T>(for address: IPAddress, _ body: (Int32) throws -> T) throws -> T {
        let descriptor = try SystemCall.run("socket") { socket(address.family, Int32(SOCK_STREAM.rawValue), 0) }
        defer { _ = close(descriptor) }
        return try body(descriptor)
    }

    /// Calls `call` on `descriptor` and `address`:`port`, reading errno inside the closure.
    private func attempt(_ name: String, _ descriptor: Int32, _ address: IPAddress, _ port: UInt16,
                         _ call: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Result<Int32, SystemCallError> {
        address.withSockaddr(port: port) { pointer, length in
            Result { () throws(SystemCallError) in try SystemCall.run(name) { call(descriptor, pointer, length) } }
        }
    }

    @Test("connect to a closed port throws ECONNREFUSED, naming connect", arguments: ["127.0.0.1", "::1"])
    func connectRefused(text: String) throws {
        let address = try #require(IPAddress(text))
        let sockets = TCPTestSockets()
        let closed = sockets.closedPort(on: address)
        let result = try withSocket(for: address) { attempt("connect", $0, address, closed, connect) }
        #expect(result.failure == SystemCallError(call: "connect", code: ECONNREFUSED))
    }

    @Test("bind to an address in use throws EADDRINUSE, naming bind")
    func bindInUse() throws {
        let address = try #require(IPAddress("127.0.0.1"))
        let sockets = TCPTestSockets()
        let taken = sockets.listener(on: address)
        let result = try withSocket(for: address) { attempt("bind", $0, address, taken, bind) }
        #expect(result.failure == SystemCallError(call: "bind", code: EADDRINUSE))
        #expect(result.failure?.description.hasPrefix("bind: ") == true)
    }

    @Test("a call that succeeds returns its result")
    func success() throws {
        let address = try #require(IPAddress("127.0.0.1"))
        let result = try withSocket(for: address) { attempt("bind", $0, address, 0, bind) }
        #expect(result.success == 0)
    }

    @Test("EINTR is retried; any other errno is thrown after one call", arguments: [
        // errno set by each failing call, then the call's result once it stops failing (nil: never).
        (failures: [EINTR, EINTR], then: 7, calls: 3, thrown: nil),
        (failures: [EAGAIN], then: 7, calls: 1, thrown: EAGAIN),
        (failures: [EINTR, EINPROGRESS], then: 7, calls: 2, thrown: EINPROGRESS),
        (failures: [], then: 0, calls: 1, thrown: nil),
    ] as [(failures: [Int32], then: Int32, calls: Int, thrown: Int32?)])
    func retries(failures: [Int32], then: Int32, calls: Int, thrown: Int32?) {
        var made = 0
        let result = Result { () throws(SystemCallError) in
            try SystemCall.run("fake") { () -> Int32 in
                made += 1
                guard made <= failures.count else { return then }
                errno = failures[made - 1]
                return -1
            }
        }
        #expect(made == calls)
        if let thrown {
            #expect(result.failure == SystemCallError(call: "fake", code: thrown))
        } else {
            #expect(result.success == then)
        }
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    fileprivate var success: Success? { try? get() }
}
