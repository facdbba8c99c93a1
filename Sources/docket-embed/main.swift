// docket-embed NAME ROOT OUTPUT_FILE PATH...
//
// Run by the EmbedFiles build-tool plugin, never by hand: writes a Swift file declaring
// `enum NAME { static let files: [String: String] }`, which holds every regular file at ROOT/PATH
// (a file, or a folder and everything under it) as a string literal keyed by its path relative
// to ROOT, so the `docket` binary carries its default theme and its runbook runtime and works on
// any folder without the source checkout.
import Foundation

/// What can stop the embedding; printed as `path: error: …` so the build log points at the file.
enum EmbedError: Error, CustomStringConvertible {
    case usage
    case badName(String)
    case missing(String)
    case unreadable(String)
    case notText(String)
    case unwritable(String)

    var description: String {
        switch self {
        case .usage: return "usage: docket-embed NAME ROOT OUTPUT_FILE PATH..."
        case .badName(let name): return "error: '\(name)' is not a Swift type name"
        case .missing(let path): return "\(path): error: no such file or folder to embed"
        case .unreadable(let path): return "\(path): error: cannot read this file"
        case .notText(let path): return "\(path): error: embedded files must be UTF-8 text"
        case .unwritable(let path): return "\(path): error: cannot write the generated Swift file"
        }
    }
}

/// Escapes `text` for a one-line Swift string literal. Escaping every byte that needs it (rather
/// than a multi-line raw literal) keeps the bytes exact: multi-line literals turn CRLF into LF.
func swiftLiteral(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 16 + 2)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// The regular files at `root/path`, as sorted paths relative to `root`: `path` itself when it is
/// a file, else every regular file under it.
func files(at path: String, under root: URL) throws(EmbedError) -> [String] {
    let url = root.appendingPathComponent(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw .missing(url.path) }
    guard isDirectory.boolValue else { return [path] }
    var paths: [String] = []
    for sub in (try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? [] {
        let file = url.appendingPathComponent(sub)
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            paths.append(path + "/" + sub)
        }
    }
    return paths.sorted()
}

func embed(_ arguments: [String]) throws(EmbedError) {
    guard arguments.count >= 5 else { throw .usage }
    let name = arguments[1]
    guard name.range(of: "^[A-Z][A-Za-z0-9]*$", options: .regularExpression) != nil else { throw .badName(name) }
    let root = URL(fileURLWithPath: arguments[2])
    var paths: [String] = []
    for path in arguments[4...] { paths += try files(at: path, under: root) }
    var swift = """
        // Generated at build time by the EmbedFiles plugin (Sources/docket-embed) from \(root.lastPathComponent).

        /// The embedded files, by path relative to `\(root.lastPathComponent)/`.
        enum \(name) {
            static let files: [String: String] = [

        """
    if paths.isEmpty { swift += "        :\n" }
    for path in paths {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(url.path) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notText(url.path) }
        swift += "        \(swiftLiteral(path)): \(swiftLiteral(text)),\n"
    }
    swift += "    ]\n}\n"
    // Unchanged output keeps its timestamp, so an edit that embeds the same bytes rebuilds nothing.
    let output = URL(fileURLWithPath: arguments[3])
    if FileManager.default.contents(atPath: output.path) == Data(swift.utf8) { return }
    do {
        try Data(swift.utf8).write(to: output, options: .atomic)
    } catch {
        throw .unwritable(output.path)
    }
}

do {
    try embed(CommandLine.arguments)
} catch {
    FileHandle.standardError.write(Data("docket-embed: \(error)\n".utf8))
    exit(1)
}
