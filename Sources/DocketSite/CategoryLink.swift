import DocketDiagnostics

/// Where a category leads when clicked.
public enum CategoryLink: Sendable, Equatable {
    case doc(id: String)
    case generatedIndex(slug: String?, title: String?, description: String?)
    /// Written as `link: null`: no link, and no index-doc convention.
    case none
}
