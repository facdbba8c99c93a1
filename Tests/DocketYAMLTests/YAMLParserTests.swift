import Testing

@testable import DocketYAML

@Suite struct YAMLParserTests {
    @Test func mappingWithPositionsAndImplicitTypes() throws {
        let text = """
            title: Hello
            sidebar_position: 2.5
            draft: true
            quoted: "true"
            tags: [a, b]
            nothing:
            """
        let root = try #require(try YAMLParser.parse(text))
        #expect(root["title"]?.string == "Hello")
        #expect(root["title"]?.line == 1)
        #expect(root["title"]?.column == 8)
        #expect(root["sidebar_position"]?.number == 2.5)
        #expect(root["draft"]?.bool == true)
        #expect(root["quoted"]?.bool == nil)
        #expect(root["quoted"]?.string == "true")
        #expect(root["tags"]?.sequence?.compactMap(\.string) == ["a", "b"])
        #expect(root["tags"]?.line == 5)
        #expect(root["nothing"]?.isNull == true)
    }

    @Test func syntaxErrorHasPosition() throws {
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parse("title: [unclosed\nother: 1\n") }
        #expect("\(error.line):\(error.column)" == "2:6", "\(error)")
        #expect(error.message.isEmpty == false)
    }

    @Test func tabIndentationIsAnErrorOnItsLine() {
        do {
            _ = try YAMLParser.parse("a: 1\nb:\n\t- x\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func aliasesResolve() throws {
        let root = try #require(try YAMLParser.parse("base: &b {x: 1}\ncopy: *b\n"))
        #expect(root["copy"]?["x"]?.number == 1)
    }

    @Test func emptyInputIsNil() throws {
        #expect(try YAMLParser.parse("") == nil)
    }

    @Test func jsonIsYAML() throws {
        let root = try #require(try YAMLParser.parse(#"{"label": "Guides", "position": 3, "link": null}"#))
        #expect(root["label"]?.string == "Guides")
        #expect(root["position"]?.number == 3)
        #expect(root["link"]?.isNull == true)
    }
}
