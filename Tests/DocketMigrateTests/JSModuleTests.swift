import Testing

@testable import DocketMigrate

@Suite struct JSModuleTests {
    @Test func readsModuleExportsObject() throws {
        let module = try JSModule.parse(
            "module.exports = { title: 'A', n: 2, ok: true, list: ['x', `y`,], nothing: null, };")
        let node = try #require(module.exported)
        #expect(node["title"]?.string == "A")
        #expect(node["n"]?.number == 2)
        #expect(node["ok"]?.bool == true)
        #expect(node["list"]?.array?.compactMap(\.string) == ["x", "y"])
        #expect(node["nothing"]?.isNull == true)
    }
}

@Suite struct JSParserShapesTests {
    @Test func typeScriptExportDefaultWithSatisfies() throws {
        let text = """
            import type {Config} from '@docusaurus/types';
            const config: Config = {
              // a comment
              title: "T", /* another */ tagline: `plain`,
            } satisfies Config;
            export default config;
            """
        let node = try #require(try JSModule.parse(text).exported)
        #expect(node["title"]?.string == "T")
        #expect(node["tagline"]?.string == "plain")
    }

    @Test func untranslatableValuesKeepTheirPosition() throws {
        let text =
            "module.exports = {\n  a: () => 1,\n  b: process.env.X,\n  c: require.resolve('./s.js'),\n  d: `x${y}`,\n  e: 'ok',\n};"
        let node = try #require(try JSModule.parse(text).exported)
        guard case .untranslatable(let what)? = node["a"]?.kind else { Issue.record("a"); return }
        #expect(what == "an arrow function")
        #expect(node["a"]?.line == 2 && node["a"]?.column == 6)
        guard case .untranslatable(let b)? = node["b"]?.kind else { Issue.record("b"); return }
        #expect(b.contains("process.env.X"))
        guard case .call(let callee, let args)? = node["c"]?.kind else { Issue.record("c"); return }
        #expect(callee == "require.resolve" && args.first?.string == "./s.js")
        guard case .untranslatable? = node["d"]?.kind else { Issue.record("d"); return }
        #expect(node["e"]?.string == "ok")
    }

    @Test func parenthesisedObjectAndRegexAndNegativeNumbers() throws {
        let node = try #require(try JSModule.parse("module.exports = ({ r: /a\\/b}/g, n: -2, k: 'x' });").exported)
        #expect(node["n"]?.number == -2)
        #expect(node["k"]?.string == "x")
    }

    @Test func unclosedObjectIsAnError() {
        #expect(throws: JSSyntaxError.self) { try JSModule.parse("module.exports = { a: [1, 2 }") }
        #expect(throws: JSSyntaxError.self) { try JSModule.parse("module.exports = { a: 'x") }
    }
}

@Suite struct EditURLTests {
    @Test func contentFolderIsAddedAndParentsResolved() {
        #expect(ConfigTranslator.editBase("https://g.test/x/edit/main/", "docs") == "https://g.test/x/edit/main/docs/")
        #expect(
            ConfigTranslator.editBase("https://g.test/x/edit/main/website/", "../docs")
                == "https://g.test/x/edit/main/docs/")
        #expect(ConfigTranslator.editBase("https://g.test/x/edit/main/", ".") == "https://g.test/x/edit/main/")
    }
}
