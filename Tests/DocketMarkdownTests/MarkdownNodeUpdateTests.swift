import DocketMarkdown
import Testing

/// A `MarkdownRewriter` on a tree that shares its arrays with another copies only what changes:
/// a rewritten copy of a page's parsed tree that copied every array would hold the page twice.
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

    /// Counts the nodes it is handed and changes none.
    private struct Counter: MarkdownRewriter {
        var visited = 0
        mutating func rewrite(_ node: inout MarkdownNode) {
            visited += 1
            rewriteChildren(of: &node)
        }
    }

    /// Upper-cases text and drops the last item of every list, before descending.
    private struct Shouter: MarkdownRewriter {
        mutating func rewrite(_ node: inout MarkdownNode) {
            switch node.kind {
            case .text(let text): node.kind = .text(text.uppercased())
            case .list: node.children.removeLast()
            default: break
            }
            rewriteChildren(of: &node)
        }
    }

    /// Collects link destinations.
    private struct Destinations: MarkdownWalker {
        var found: [String] = []
        mutating func visit(_ node: MarkdownNode) {
            if case .link(let destination, _) = node.kind { found.append(destination) }
            descend(into: node)
        }
    }

    @Test func unchangedSubtreesStayShared() throws {
        let parsed = MarkdownDocument.parse(Self.body, path: "a.md").root
        var resolved = parsed
        var rewrite = LinkURLRewrite(urls: ["other.md": "/other/"])
        resolved.rewrite(with: &rewrite)
        // The list and the last paragraph have no link: the same arrays as the parsed tree.
        let list = try #require(parsed.children.firstIndex { if case .list = $0.kind { true } else { false } })
        #expect(storage(resolved.children[list]) == storage(parsed.children[list]))
        #expect(storage(resolved.children[list].children[0]) == storage(parsed.children[list].children[0]))
        let last = parsed.children.count - 1
        #expect(storage(resolved.children[last]) == storage(parsed.children[last]))
        // The paragraph with the link was copied, and the parsed tree kept its destination.
        let paragraph = try #require(
            parsed.children.firstIndex { node in
                node.children.contains { if case .link = $0.kind { true } else { false } }
            })
        #expect(storage(resolved.children[paragraph]) != storage(parsed.children[paragraph]))
        var destinations = Destinations()
        parsed.walk(with: &destinations)
        resolved.walk(with: &destinations)
        #expect(destinations.found == ["other.md", "/other/"])
    }

    @Test func noChangeCopiesNothing() {
        let parsed = MarkdownDocument.parse(Self.body, path: "a.md").root
        var copy = parsed
        var counter = Counter()
        copy.rewrite(with: &counter)
        #expect(counter.visited > 10)
        #expect(storage(copy) == storage(parsed))
        for index in parsed.children.indices {
            #expect(storage(copy.children[index]) == storage(parsed.children[index]))
        }
    }

    @Test func changesAtEveryDepthAreKept() {
        var tree = MarkdownDocument.parse(Self.body, path: "a.md").root
        let original = tree
        var shouter = Shouter()
        tree.rewrite(with: &shouter)
        var texts: [String] = []
        tree.walk { if case .text(let text) = $0.kind { texts.append(text) } }
        #expect(texts.contains("ONE"))
        #expect(!texts.contains { $0.contains("TWO") })
        #expect(!texts.contains("one"))
        var originalTexts: [String] = []
        original.walk { if case .text(let text) = $0.kind { originalTexts.append(text) } }
        #expect(originalTexts.contains("one") && originalTexts.contains("two with "))
    }

    /// A walker that handles a kind without descending skips that subtree.
    @Test func aWalkerThatDoesNotDescendSkipsTheSubtree() {
        struct TopLevelKinds: MarkdownWalker {
            var visited = 0
            mutating func visit(_ node: MarkdownNode) {
                visited += 1
                if case .document = node.kind { descend(into: node) }
            }
        }
        let tree = MarkdownDocument.parse(Self.body, path: "a.md").root
        var walker = TopLevelKinds()
        tree.walk(with: &walker)
        #expect(walker.visited == 1 + tree.children.count)
    }

    @Test func containsStopsAtTheFirstMatch() {
        let tree = MarkdownDocument.parse(Self.body, path: "a.md").root
        var asked = 0
        let found = tree.contains { node in
            asked += 1
            if case .heading = node.kind { return true }
            return false
        }
        #expect(found)
        #expect(asked == 2)
        #expect(!tree.contains { if case .image = $0.kind { true } else { false } })
    }
}
