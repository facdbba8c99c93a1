import DocketDiagnostics

/// A key of a mapping that the decoded type never asked for, at the key, with the keys the type
/// does know there. Which unknown keys are errors and what they say is the caller's choice
/// (front matter allows custom keys; a `_category_` file does not).
public struct YAMLUnknownKey: Sendable, Equatable {
    /// The key as written.
    public var key: String
    /// The dotted path of the mapping holding it ("" at the top, `last_update`, `versions.1.0`).
    public var parent: String
    public var location: SourceLocation
    /// The keys the type reads in that mapping, in the order it asks for them.
    public var known: [String]

    /// The closest known key, when it is close enough to be a typo of it.
    public var suggestion: String? { Suggestion.closest(to: key, in: known) }

    /// `key` under its parent: `markdown.emojis`.
    public var fullName: String { parent.isEmpty ? key : parent + "." + key }
}
