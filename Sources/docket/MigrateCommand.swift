import ArgumentParser
import DocketDiagnostics
import DocketMigrate
import Foundation

extension Docket {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Write docket.yml from a Docusaurus site's docusaurus.config and sidebars files.",
            discussion: """
                Reads the config as data and never runs it. What cannot be translated (functions, plugins, \
                swizzled components, custom CSS) is printed as warnings at file:line:col; the command still \
                exits 0. It exits 2 when docket.yml exists (use --force) and 1 when the config cannot be read.
                """)

        @Argument(
            help: ArgumentHelp("The Docusaurus site folder (holding docusaurus.config.js or .ts).", valueName: "dir"))
        var site: String = "."

        @Flag(help: "Replace an existing docket.yml.")
        var force = false

        func run() throws {
            let folder = URL(fileURLWithPath: site)
            let target = folder.appendingPathComponent("docket.yml")
            let shownTarget = site == "." ? "docket.yml" : (site.hasSuffix("/") ? site : site + "/") + "docket.yml"
            if FileManager.default.fileExists(atPath: target.path), !force {
                FileHandle.standardError.write(
                    Data("\(shownTarget): error: docket.yml exists; pass --force to replace it\n".utf8))
                throw ExitCode(2)
            }
            let display = site == "." ? "" : (site.hasSuffix("/") ? String(site.dropLast()) : site)
            let result: MigrationResult
            do {
                result = try DocusaurusMigration.migrate(site: folder, display: display)
            } catch {
                DiagnosticPrinter().print(Diagnostics([error.diagnostic]))
                throw ExitCode(1)
            }
            do {
                try result.docketYAML.write(to: target, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(
                    Data("\(shownTarget): error: cannot write: \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
            if !result.diagnostics.isEmpty { DiagnosticPrinter().print(result.diagnostics) }
            let count = result.diagnostics.all.count
            print(
                "wrote \(shownTarget) from \(result.configFile)\(result.sidebarsFile.map { " and \($0)" } ?? "")"
                    + (count > 0 ? "; \("thing".counted(count)) not migrated (above)" : ""))
        }
    }
}
