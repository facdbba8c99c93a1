/// Why `docket build` will not write into the output folder it was given: the folder holds
/// something docket did not make (the project, the home folder, a stranger's files). A usage
/// error: the command exits with status 2.
public struct OutputRefusal: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
