/// What a page shows about the runbook extracted from it: a banner linking the script, and a
/// label on each step's code block.
public struct PageRunbook: Sendable {
    public var id: String
    public var title: String
    public var scriptURL: String
    /// Step number (1-based) by step name.
    public var stepNumbers: [String: Int]

    public init(id: String, title: String, scriptURL: String, stepNumbers: [String: Int]) {
        self.id = id
        self.title = title
        self.scriptURL = scriptURL
        self.stepNumbers = stepNumbers
    }
}
