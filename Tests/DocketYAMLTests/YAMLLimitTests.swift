import Testing

@testable import DocketYAML

/// Duplicate keys, where a syntax error starts, and the size limits: each is an error at its place.
@Suite struct YAMLLimitTests {
    private func error(_ text: String) -> YAMLError? {
        do {
            _ = try YAMLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func duplicateKeyIsAnErrorAtTheSecondWithTheFirstInTheMessage() throws {
        let found = try #require(error("title: A\nsidebar_position: 1\ntitle: B\n"))
        #expect(found.line == 3 && found.column == 1)
        #expect(found.message == "duplicate key 'title' (first at line 1, column 1)")
        // Shifted like the error's own line when the YAML starts below the top of its file.
        #expect(found.message(lineOffset: 1) == "duplicate key 'title' (first at line 2, column 1)")
    }

    @Test func duplicateKeysInNestedAndFlowMappings() throws {
        let nested = try #require(error("a:\n  x: 1\n  y: 2\n  x: 3\n"))
        #expect(nested.line == 4 && nested.column == 3)
        #expect(nested.message.contains("first at line 2, column 3"))
        let flow = try #require(error("{label: A, position: 1, label: B}"))
        #expect(flow.line == 1 && flow.column == 25, "\(flow)")
        // The same key in two different mappings is fine.
        #expect(throws: Never.self) { try YAMLParser.parse("a: {x: 1}\nb: {x: 2}\n") }
    }

    @Test func syntaxErrorNamesWhereTheBrokenConstructStarts() throws {
        let found = try #require(error("title: A\ndescription: x\nbroken\nnext: 1\n"))
        #expect(found.line == 4, "\(found)")
        #expect(
            found.message == "could not find expected ':' (in the simple key that starts at line 3, column 1)",
            "\(found)")
        let flow = try #require(error("tags: [a, b\nother: 1\n"))
        #expect(flow.message.contains("in the flow sequence that starts at line 1, column 7"), "\(flow)")
    }

    @Test func nestingDeeperThanTheLimitIsAnError() throws {
        let depth = YAMLParser.maxDepth + 1
        let found = try #require(error(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        #expect(found.line == 1 && found.column == YAMLParser.maxDepth + 1)
        #expect(found.message.contains("nested deeper than \(YAMLParser.maxDepth)"))
        let ok = YAMLParser.maxDepth
        #expect(throws: Never.self) {
            try YAMLParser.parse(String(repeating: "[", count: ok) + String(repeating: "]", count: ok))
        }
        // 100,000 levels: an error, not a stack overflow in libyaml or in Swift.
        #expect(error(String(repeating: "[", count: 100_000)) != nil)
    }

    @Test func aliasExpansionIsBounded() throws {
        // Nine levels of ten aliases each: a billion values if expanded.
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let found = try #require(error(text))
        #expect(found.message.contains("more than \(YAMLParser.maxNodes) values"))
        #expect(found.line >= 5)
    }

    @Test func controlCharactersAreLocatedOnTheirLine() throws {
        let found = try #require(error("a: 1\nb: \u{7}\n"))
        #expect(found.line == 2, "\(found)")
    }
}
