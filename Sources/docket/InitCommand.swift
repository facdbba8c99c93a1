import ArgumentParser
import DocketBuild
import Foundation

extension Docket {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create a new site (docket.yml, content/, static/).")

        @Argument(help: "Where to create it (default: the current folder).")
        var directory: String = "."

        func run() throws {
            let url = URL(fileURLWithPath: directory)
            do {
                let written = try SiteScaffold.write(into: url)
                print("created \(written.map { directory == "." ? $0 : "\(directory)/\($0)" }.joined(separator: ", "))")
                print("next: \(directory == "." ? "" : "cd \(directory) && ")docket build")
            } catch let conflict as SiteScaffold.Conflict {
                FileHandle.standardError.write(Data("docket init: \(conflict)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
