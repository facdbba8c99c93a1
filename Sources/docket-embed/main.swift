// docket-embed THEME_FOLDER OUTPUT_FILE
//
// Run by the EmbedTheme build-tool plugin, never by hand: writes a Swift file holding every file
// under THEME_FOLDER/templates and THEME_FOLDER/assets as a string literal, so the `docket` binary
// carries its default theme and works on any folder without the source checkout.
import Foundation

/// What can stop the embedding; printed as `path: error: …` so the build log points at the file.
enum EmbedError: Error, CustomStringConvertible {
    case usage
    case unreadable(String)
    case notText(String)
    case unwritable(String)

    var description: String {
        switch self {
        case .usage: return "usage: docket-embed THEME_FOLDER OUTPUT_FILE"
        case .unreadable(let path): return "\(path): error: cannot read this theme file"
        case .notText(let path): return "\(path): error: theme files must be UTF-8 text"
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

/// Every regular file under `folder/templates` and `folder/assets`, as sorted relative paths.
func themeFiles(in folder: URL) -> [String] {
    var paths: [String] = []
    for sub in ["templates", "assets"] {
        let directory = folder.appendingPathComponent(sub)
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? [] {
            var isDirectory: ObjCBool = false
            let url = directory.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(sub + "/" + path)
            }
        }
    }
    return paths.sorted()
}

func embed(_ arguments: [String]) throws(EmbedError) {
    guard arguments.count == 3 else { throw .usage }
    let folder = URL(fileURLWithPath: arguments[1])
    var swift = """
        // Generated at build time by the EmbedTheme plugin (Sources/docket-embed) from themes/default.

        /// The files of the default theme, by path relative to `themes/default/`.
        enum DefaultThemeFiles {
            static let files: [String: String] = [

        """
    let paths = themeFiles(in: folder)
    if paths.isEmpty { swift += "        :\n" }
    for path in paths {
        let url = folder.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(url.path) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notText(url.path) }
        swift += "        \(swiftLiteral(path)): \(swiftLiteral(text)),\n"
    }
    swift += "    ]\n}\n"
    // Unchanged output keeps its timestamp, so an edit that embeds the same bytes rebuilds nothing.
    let output = URL(fileURLWithPath: arguments[2])
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
