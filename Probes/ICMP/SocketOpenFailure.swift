/// The errno a `socket(2)` call failed with, carried as a value.
struct SocketOpenFailure: Error {
    let code: Int32
}
