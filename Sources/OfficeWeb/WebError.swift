/// Why a request was refused, with the status it answers.
enum WebError: Error {
    /// No such page or device.
    case notFound(String)
    /// The form's token is missing or wrong (403).
    case badToken
    /// The account's role may not do this (403).
    case forbidden
    /// The request itself is wrong (400), with a message for the page.
    case badInput(String)
}
