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
            children.withUnsafeBufferPointer { children in
                for index in children.indices { children[index].appendPlainText(to: &out) }
            }
        }
    }
}

extension MarkdownNode {
    /// The text a heading's id is made from: `plainText` without the text directives of its
    /// text (`join:Options` → `join`). remark-directive reads `:Options` as a directive with no
    /// content, which mdast's `toString` (and so the slug Docusaurus makes) leaves out; the
    /// reader still sees the text as written.
    public var slugText: String {
        var out = ""
        var run = ""
        appendSlugText(to: &out, run: &run)
        out += TextDirective.removed(from: run)
        return out
    }

    private func appendSlugText(to out: inout String, run: inout String) {
        switch kind {
        case .text(let s):
            // cmark-gfm splits text at `:` (an autolink trigger): directives span text nodes.
            run += s
        case .code(let s):
            out += TextDirective.removed(from: run)
            run = ""
            out += s
        case .softBreak, .lineBreak:
            run += " "
        case .htmlInline, .htmlBlock, .footnoteReference:
            return
        default:
            children.withUnsafeBufferPointer { children in
                for index in children.indices { children[index].appendSlugText(to: &out, run: &run) }
            }
        }
    }
}
