import Glibc
// @testable for IPAddress.withSockaddr and SystemCall: the tests' sockets use the product's own code.
@testable import Probes
import KiemkeCore

/// Real sockets on loopback for the TCP tests: a listener, a closed port, a port whose backlog is full.
final class TCPTestSockets {
    private var descriptors: [Int32] = []

    deinit { descriptors.forEach { _ = close($0) } }

    /// A listening socket on `address`; returns its port.
    func listener(on address: IPAddress, backlog: Int32 = 16) -> UInt16 {
        let descriptor = bound(on: address)
        do throws(SystemCallError) {
            try SystemCall.run("listen") { listen(descriptor, backlog) }
        } catch {
            preconditionFailure("\(error)")
        }
        return port(of: descriptor)
    }

    /// A port that is bound but not listening, so connects to it are refused for as long as this object lives.
    func closedPort(on address: IPAddress) -> UInt16 {
        port(of: bound(on: address))
    }

    /// A listener whose accept queue is full: the kernel drops further SYNs, so connects time out.
    func silentPort(on address: IPAddress) -> UInt16 {
        let descriptor = bound(on: address)
        precondition(listen(descriptor, 0) == 0)
        let port = port(of: descriptor)
        // Two handshakes fill a backlog of 0 (the queue holds one more than the backlog).
        for _ in 0..<2 {
            let client = socket(address.isIPv4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue), 0)
            descriptors.append(client)
            _ = address.withSockaddr(port: port) { connect(client, $0, $1) }
            var pending = pollfd(fd: client, events: Int16(POLLOUT), revents: 0)
            _ = poll(&pending, 1, 200)
        }
        return port
    }

    private func bound(on address: IPAddress) -> Int32 {
        let descriptor = socket(address.isIPv4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        precondition(descriptor >= 0)
        descriptors.append(descriptor)
        let result = address.withSockaddr(port: 0) { pointer, length in
            Result { () throws(SystemCallError) in try SystemCall.run("bind") { bind(descriptor, pointer, length) } }
        }
        if case .failure(let failure) = result { preconditionFailure("\(failure)") }
        return descriptor
    }

    private func port(of descriptor: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return withUnsafeBytes(of: storage) { UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self)) }
    }
}
