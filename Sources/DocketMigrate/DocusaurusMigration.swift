import DocketDiagnostics
import DocketSite
import Foundation

/// Reads a Docusaurus site's `docusaurus.config.{js,ts}` and `sidebars.{js,ts}` as data (never
/// running them) and translates what docket supports into docket.yml.
public enum DocusaurusMigration {
    public static let configNames = [
        "docusaurus.config.ts", "docusaurus.config.js", "docusaurus.config.mts", "docusaurus.config.mjs",
        "docusaurus.config.cjs",
    ]

    /// - Parameters:
    ///   - site: the Docusaurus site folder.
    ///   - display: how messages name that folder (`""` names files relative to it).
    public static func migrate(site: URL, display: String) throws(MigrationError) -> MigrationResult {
        let fm = FileManager.default
        guard let configName = configNames.first(where: { fm.fileExists(atPath: site.appendingPathComponent($0).path) })
        else {
            throw .noConfig(folder: display.isEmpty ? "." : display)
        }
        let shown = { (name: String) in display.isEmpty ? name : display + "/" + name }
        let config = try parse(site.appendingPathComponent(configName), shown: shown(configName))
        var translator = ConfigTranslator(site: site, configFile: shown(configName), shown: shown)
        translator.translate(config)
        return MigrationResult(
            docketYAML: translator.documentText(configName: configName),
            diagnostics: translator.diagnostics, configFile: configName, sidebarsFile: translator.sidebarsFile)
    }

    /// The exported value of a config file, or nil when it exports nothing recognisable.
    static func parse(_ url: URL, shown: String) throws(MigrationError) -> JSNode? {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: shown, reason: error.localizedDescription)
        }
        do {
            // A sidebars.json is one literal: read it as the value a module exports.
            return try JSModule.parse(url.pathExtension == "json" ? "module.exports=" + text : text).exported
        } catch {
            throw .syntax(SourceLocation(path: shown, line: error.line, column: error.column), error.message)
        }
    }
}
