/// Lets the options every command takes stand before the command's name, as people type them:
/// `kiemke --db office.sqlite devices list` means `kiemke devices list --db office.sqlite`,
/// and so does `kiemke devices --db office.sqlite list`.
public enum GlobalArguments {
    /// The options that take a value and that every command accepts.
    public static let options: Set<String> = ["--db", "--config", "--log-level"]

    /// Moves global options wherever they stand (before the command, between `devices` and
    /// `list`, among the arguments) to the end, where every command's parser reads them.
    /// Nothing after a `--` is touched.
    public static func hoisted(_ arguments: [String]) -> [String] {
        var rest: [String] = []
        var global: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--" {
                rest += arguments[index...]
                break
            }
            if options.contains(word), index + 1 < arguments.endIndex {
                global += [word, arguments[index + 1]]
                index += 2
            } else if word.contains("="), let name = word.split(separator: "=", maxSplits: 1).first,
                      options.contains(String(name)) {
                global.append(word)
                index += 1
            } else {
                rest.append(word)
                index += 1
            }
        }
        if let end = rest.firstIndex(of: "--") { rest.insert(contentsOf: global, at: end); return rest }
        return rest + global
    }
}
