/// The admonition kinds Docusaurus knows, with its legacy aliases.
public enum Admonition {
    /// The CSS kind for a directive name, or nil when the name is not an admonition.
    public static func kind(of name: String) -> String? {
        switch name {
        case "note", "tip", "info", "warning", "danger", "caution", "important": return name
        case "secondary": return "note"
        case "success": return "tip"
        default: return nil
        }
    }
}
