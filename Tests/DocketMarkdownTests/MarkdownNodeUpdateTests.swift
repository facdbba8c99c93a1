import DocketMarkdown
import Testing

/// `update` on a tree that shares its arrays with another copies only what changes: a page's
/// resolved tree starts as its parsed one, and a full copy would hold every page twice.
@Suite struct MarkdownNodeUpdateTests {
    private static let body = """
        # Title

        A paragraph with *emphasis* and a [link](other.md) in it.

        - one
        - two with `code`

        Another paragraph, no link.
        """

    /// The address of a node's children array (nil when it has none).
    private func storage(_ node: MarkdownNode) -> UnsafeRawPointer? {
        node.children.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func unchangedSubtreesStayShared() throws {
        let parsed = MarkdownDocument.parse(Self.body, path: "a.md").root
        var resolved = parsed
        resolved.update { node in
            if case .link(_, let title) = node.kind { node.kind = .link(destination: "/other/", title: title) }
        }
        // The list and the last paragraph have no link: the same arrays as the parsed tree.
        let list = try #require(parsed.children.firstIndex { if case .list = $0.kind { true } else { false } })
        #expect(storage(resolved.children[list]) == storage(parsed.children[list]))
        #expect(storage(resolved.children[list].children[0]) == storage(parsed.children[list].children[0]))
        let last = parsed.children.count - 1
        #expect(storage(resolved.children[last]) == storage(parsed.children[last]))
        // The paragraph with the link was copied, and the parsed tree kept its destination.
        let paragraph = try #require(parsed.children.firstIndex { node in node.children.contains { if case .link = $0.kind { true } else { false } } })
        #expect(storage(resolved.children[paragraph]) != storage(parsed.children[paragraph]))
        var destinations: [String] = []
        parsed.walk { if case .link(let destination, _) = $0.kind { destinations.append(destination) } }
        resolved.walk { if case .link(let destination, _) = $0.kind { destinations.append(destination) } }
        #expect(destinations == ["other.md", "/other/"])
    }

    @Test func noChangeCopiesNothing() {
        let parsed = MarkdownDocument.parse(Self.body, path: "a.md").root
        var copy = parsed
        var visited = 0
        copy.update { _ in visited += 1 }
        #expect(visited > 10)
        #expect(storage(copy) == storage(parsed))
    }

    @Test func changesAtEveryDepthAreKept() {
        var tree = MarkdownDocument.parse(Self.body, path: "a.md").root
        let original = tree
        tree.update { node in
            switch node.kind {
            case .text(let text): node.kind = .text(text.uppercased())
            case .list: node.children.removeLast()
            default: break
            }
        }
        var texts: [String] = []
        tree.walk { if case .text(let text) = $0.kind { texts.append(text) } }
        #expect(texts.contains("ONE"))
        #expect(!texts.contains { $0.contains("TWO") })
        #expect(!texts.contains("one"))
        var originalTexts: [String] = []
        original.walk { if case .text(let text) = $0.kind { originalTexts.append(text) } }
        #expect(originalTexts.contains("one") && originalTexts.contains("two with "))
    }
}
