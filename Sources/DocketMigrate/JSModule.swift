/// What a config file exports, read without running it: `module.exports = …`,
/// `export default …`, or a `const` named by either (`satisfies` and `as` types are skipped).
public struct JSModule: Sendable {
    /// The exported value; nil when the file exports nothing the parser recognises.
    public var exported: JSNode?

    /// Parses `text`; throws only when the text cannot be tokenised or its brackets do not balance.
    public static func parse(_ text: String) throws(JSSyntaxError) -> JSModule {
        var parser = JSParser(tokens: try JSLexer.tokens(text), text: Array(text.utf8))
        return JSModule(exported: try parser.program())
    }
}
