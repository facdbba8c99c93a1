import ArgumentParser
import Foundation

/// The `docket` command: builds documentation sites and (later) their runbooks.
struct Docket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "Documentation sites from Markdown, with runbooks that provably work.",
        version: "0.1.0",
        subcommands: [
            Init.self, Build.self, Serve.self, List.self, Runbooks.self, Run.self, Check.self, Migrate.self,
            FixtureServerCommand.self,
        ])
}

@main
enum Main {
    static func main() {
        // A reference to mimalloc, so the link to it is never dropped (see `Allocator`).
        guard Allocator.version > 0 else { fatalError("mimalloc is not linked") }
        Allocator.configure()
        do {
            var command = try Docket.parseAsRoot()
            try command.run()
        } catch {
            let code = Docket.exitCode(for: error)
            if code == .validationFailure {
                // Usage errors exit 2, as documented (ArgumentParser's default is 64).
                FileHandle.standardError.write(Data((Docket.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            Docket.exit(withError: error)
        }
    }
}
