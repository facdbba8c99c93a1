/// A page that could not be rendered or written.
struct BuildFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
