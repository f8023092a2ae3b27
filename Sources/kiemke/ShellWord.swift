import Foundation

/// Writes a word as it would be typed in a shell, for the commands kiemke suggests.
enum ShellWord {
    /// `word` as is when it is safe unquoted, else in single quotes.
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:/@".unicodeScalars.contains($0)
        }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
