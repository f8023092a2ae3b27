/// Lets the options every command takes stand before the command's name, as people type them:
/// `kiemke --db office.sqlite devices list` means `kiemke devices list --db office.sqlite`.
public enum GlobalArguments {
    /// The options that take a value and that every command accepts.
    public static let options: Set<String> = ["--db", "--config", "--log-level"]

    /// Moves global options that come before the first command word to the end of the arguments.
    public static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if options.contains(word), index + 1 < arguments.endIndex {
                leading += [word, arguments[index + 1]]
                index += 2
            } else if let name = word.split(separator: "=", maxSplits: 1).first, word.contains("="),
                      options.contains(String(name)) {
                leading.append(word)
                index += 1
            } else {
                break
            }
        }
        return Array(arguments[index...]) + leading
    }
}
