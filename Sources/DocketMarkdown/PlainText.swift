extension MarkdownNode {
    /// The text a reader sees, as mdast's `toString`: text, inline code and image alt text, with
    /// raw HTML left out. Used for heading slugs, titles and link labels.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s):
            out += s
        case .softBreak, .lineBreak:
            out += " "
        case .htmlInline, .htmlBlock, .footnoteReference:
            return
        default:
            for child in children { child.appendPlainText(to: &out) }
        }
    }
}
