import Foundation

/// A stub call as recorded: which step made it, and the command with its arguments.
public struct RecordedCall: Sendable, Equatable {
    public var step: String
    /// The command name and its arguments joined by single spaces.
    public var command: String

    public init(step: String, command: String) {
        self.step = step
        self.command = command
    }
}
