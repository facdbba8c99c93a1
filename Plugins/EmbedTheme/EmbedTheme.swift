import Foundation
import PackagePlugin

/// Embeds `themes/default` into the target that uses it: runs `docket-embed`, which writes
/// `DefaultThemeFiles.swift` into the plugin's work folder (inside `.build`, never committed).
/// Every theme file is an input, so editing one regenerates the Swift file and rebuilds the target;
/// the plugin itself runs at every build, so added or removed files are picked up too.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "themes").appending(path: "default")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultThemeFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding themes/default into \(target.name)",
                executable: try context.tool(named: "docket-embed").url,
                arguments: [theme.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: Self.files(under: theme),
                outputFiles: [output])
        ]
    }

    /// Every regular file under `folder`, so that an edit to any of them re-runs the command.
    static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
