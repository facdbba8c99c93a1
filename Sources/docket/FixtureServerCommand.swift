import ArgumentParser
import DocketSandbox
import Foundation

extension Docket {
    /// Runs inside the sandbox only: `docket check` starts it there.
    struct FixtureServerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fixture-server", abstract: "Serve a fixture's HTTP routes (used inside the check sandbox).",
            shouldDisplay: false)

        @Option(help: "The server configuration (JSON).")
        var config: String

        @Option(help: "A file created once the server listens.")
        var ready: String

        func run() throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: config))
            let configuration = try JSONDecoder().decode(FixtureServer.Configuration.self, from: data)
            let server = FixtureServer(configuration: configuration)
            let channels = try server.start()
            _ = FileManager.default.createFile(atPath: ready, contents: Data())
            for channel in channels { try channel.closeFuture.wait() }
        }
    }
}
