import Foundation
import PackagePlugin

/// Compiles text files of the repository into the target that uses this plugin: runs
/// `docket-embed`, which writes them as Swift string literals into the plugin's work folder
/// (inside `.build`, never committed). The files stay real files in the repository, where editors,
/// linters and shellcheck see them; the binary carries them and runs without the checkout.
///
/// Every embedded file is an input, so editing one regenerates the Swift file and rebuilds the
/// target; the plugin itself runs at every build, so added or removed files are picked up too.
@main
struct EmbedFiles: BuildToolPlugin {
    /// What one target embeds: `paths` (files or folders) under `root`, as the enum `name`.
    struct Embedding {
        var name: String
        var root: URL
        var paths: [String]
    }

    /// The embeddings, by target. A table rather than a convention: each target says in one
    /// place what it carries, and a target that names this plugin without an entry is an error.
    static func embedding(for target: Target, package: URL) -> Embedding? {
        switch target.name {
        case "DocketTheme":
            // The default theme: the templates and assets of themes/default.
            return Embedding(
                name: "DefaultThemeFiles", root: package.appending(path: "themes/default"),
                paths: ["templates", "assets"])
        case "DocketRunbooks":
            // The bash runtime every generated runbook ends with.
            return Embedding(
                name: "RuntimeFiles", root: package.appending(path: "Sources/DocketRunbooks/runtime"),
                paths: ["docket-runtime.bash"])
        default:
            return nil
        }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let embedding = Self.embedding(for: target, package: context.package.directoryURL) else {
            throw EmbedFilesError.noEmbedding(target.name)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.name).swift")
        let root = embedding.root.path(percentEncoded: false)
        return [
            .buildCommand(
                displayName: "Embedding \(embedding.paths.joined(separator: ", ")) of \(root) into \(target.name)",
                executable: try context.tool(named: "docket-embed").url,
                arguments: [embedding.name, root, output.path(percentEncoded: false)] + embedding.paths,
                inputFiles: embedding.paths.flatMap { Self.files(at: embedding.root.appending(path: $0)) },
                outputFiles: [output])
        ]
    }

    /// `url` when it is a file, else every regular file under it, so that an edit to any of them
    /// re-runs the command.
    static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isDirectory) else {
            return []
        }
        guard isDirectory.boolValue else { return [url] }
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var files: [URL] = []
        for case let file as URL in walker
        where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }
}
