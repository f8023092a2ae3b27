#if canImport(Glibc)
import Glibc
#endif
import Inventory

/// Output that is data for another program (CSV) when redirected, and text a person reads on a terminal.
enum TerminalOutput {
    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// `text` unchanged into a file or a pipe (so a CSV imports back exactly); on a terminal,
    /// with control characters escaped, as every other output is.
    static func data(_ text: String) -> String {
        isTerminal ? TerminalText.escaped(text, keepingLineBreaks: true) : text
    }
}
