import DocketDiagnostics
import Foundation
import Testing

@testable import DocketYAML

/// `YAMLDecoder`: types read under the core schema without rewriting a value, problems at their
/// file line and column, unknown keys reported with the keys the type knows.
@Suite struct YAMLDecoderTests {
    /// Decodes `type` from `text` as the whole of `path` (or below `lineOffset` lines of it).
    private func decode<T: Decodable>(_ type: T.Type, _ text: String, lineOffset: Int = 0) throws -> YAMLDecoded<T> {
        let document = try YAMLDocument(text, path: "f.yml", lineOffset: lineOffset)
        let root = try #require(document.root)
        return YAMLDecoder(document).decode(type, from: root)
    }

    private func problems<T>(_ decoded: YAMLDecoded<T>) -> [String] { decoded.problems.map(\.description) }

    struct Scalars: Decodable {
        var text: String?
        var flag: Bool?
        var real: Double?
        var single: Float?
        var whole: Int?
        var small: Int8?
        var byte: UInt8?
        var big: Int64?
        var unsigned: UInt64?
    }

    @Test func everyScalarTypeReadsItsValueAsWritten() throws {
        let decoded = try decode(
            Scalars.self,
            """
            text: 1.50
            flag: TRUE
            real: 1.5
            single: 0.25
            whole: 0x1F
            small: -128
            byte: 255
            big: 9223372036854775807
            unsigned: 18446744073709551615
            """)
        #expect(problems(decoded) == [])
        let value = try #require(decoded.value)
        #expect(value.text == "1.50")
        #expect(value.flag == true)
        #expect(value.real == 1.5)
        #expect(value.single == 0.25)
        #expect(value.whole == 31)
        #expect(value.small == -128)
        #expect(value.byte == 255)
        #expect(value.big == Int64.max)
        #expect(value.unsigned == UInt64.max)
    }

    @Test func quotedAndYAML11ScalarsAreStringsNotBooleansOrNumbers() throws {
        struct Flags: Decodable {
            var a: Bool?
            var b: Bool?
            var c: Double?
            var text: [String]
        }
        let decoded = try decode(Flags.self, "a: \"true\"\nb: yes\nc: \"1.5\"\ntext: [yes, \"yes\", 'no', 010, ~x]\n")
        #expect(
            problems(decoded) == [
                "f.yml:1:4: 'a' must be true or false, not a string",
                "f.yml:2:4: 'b' must be true or false, not a string",
                "f.yml:3:4: 'c' must be a number, not a string",
            ])
        #expect(decoded.value?.text == ["yes", "yes", "no", "010", "~x"])
    }

    @Test func integerOverflowAndFractionsAreErrorsNeverRounded() throws {
        struct Numbers: Decodable {
            var a: Int?
            var b: Int?
            var c: Int?
            var d: UInt8?
            var e: UInt?
            var f: Int?
            var g: Int?
        }
        let decoded = try decode(
            Numbers.self,
            """
            a: 9223372036854775808
            b: 1.5
            c: 1e19
            d: 256
            e: -1
            f: 2.0
            g: 0x7fffffffffffffff
            """)
        #expect(
            problems(decoded) == [
                "f.yml:1:4: 'a' must be a whole number from -9223372036854775808 to 9223372036854775807, not 9223372036854775808",
                "f.yml:2:4: 'b' must be a whole number, not 1.5",
                "f.yml:3:4: 'c' must be a whole number from -9223372036854775808 to 9223372036854775807, not 1e19",
                "f.yml:4:4: 'd' must be a whole number from 0 to 255, not 256",
                "f.yml:5:4: 'e' must be a whole number from 0 to 18446744073709551615, not -1",
            ])
        #expect(decoded.value?.f == 2)
        #expect(decoded.value?.g == Int.max)
        #expect(decoded.value?.a == nil)
    }

    struct Page: Decodable {
        struct Author: Decodable {
            var name: String
            var email: String?
        }

        var title: String
        var authors: [Author]
        var weights: [Double]?
    }

    @Test func nestedStructsAndLists() throws {
        let decoded = try decode(
            Page.self, "title: T\nauthors:\n  - name: Ada\n  - {name: Bob, email: b@x}\nweights: [1, 2.5]\n")
        #expect(problems(decoded) == [])
        let page = try #require(decoded.value)
        #expect(page.authors.map(\.name) == ["Ada", "Bob"])
        #expect(page.authors[1].email == "b@x")
        #expect(page.weights == [1, 2.5])
    }

    @Test func aMissingRequiredKeyIsAnErrorAtItsMapping() throws {
        let decoded = try decode(Page.self, "title: T\nauthors:\n  - email: a@x\n")
        #expect(problems(decoded) == ["f.yml:3:5: 'authors.name' is required"])
        #expect(decoded.value == nil)
        let top = try decode(Page.self, "authors: []\n")
        #expect(problems(top) == ["f.yml:1:1: 'title' is required"])
    }

    @Test func aWrongItemFailsItsWholeListNotJustTheItem() throws {
        let decoded = try decode(Page.self, "title: T\nauthors: []\nweights: [1, two, 3]\n")
        #expect(problems(decoded) == ["f.yml:3:14: 'weights' must be a number, not a string"])
        // The list is absent rather than silently two items long.
        #expect(decoded.value?.weights == nil)
        #expect(decoded.value?.title == "T")
    }

    @Test func everyBadOptionalValueIsReportedInOneDecode() throws {
        let decoded = try decode(Scalars.self, "text: [a]\nflag: 1\nreal: x\nwhole: {a: 1}\n")
        #expect(
            problems(decoded) == [
                "f.yml:1:7: 'text' must be a string, not a list",
                "f.yml:2:7: 'flag' must be true or false, not a number",
                "f.yml:3:7: 'real' must be a number, not a string",
                "f.yml:4:8: 'whole' must be a whole number, not a mapping",
            ])
        #expect(decoded.value != nil)
    }

    @Test func optionalMissingAndNullAreAbsentExceptForAFlag() throws {
        struct Fields: Decodable {
            var a: String?
            var b: String?
            var c: Bool?
            var d: YAMLNullable<String>?
            var e: YAMLNullable<String>?
            var f: YAMLNullable<String>?
            var g: YAMLNode?
        }
        let decoded = try decode(Fields.self, "b: null\nc:\nd: ~\ne: x\ng: ~\n")
        #expect(problems(decoded) == ["f.yml:2:3: 'c' must be true or false, not null"])
        let value = try #require(decoded.value)
        #expect(value.a == nil && value.b == nil)
        #expect(value.d == .null)
        #expect(value.e == .value("x"))
        #expect(value.f == nil)
        #expect(value.g?.isNull == true)
    }

    @Test func wrongTypesAreAtTheValueShiftedBelowFrontMatterFence() throws {
        struct Fields: Decodable {
            var hide: Bool?
            var position: Located<Double>?
        }
        let decoded = try decode(Fields.self, "position: 2.5\nhide: maybe\n", lineOffset: 1)
        #expect(problems(decoded) == ["f.yml:3:7: 'hide' must be true or false, not a string"])
        #expect(decoded.value?.position?.value == 2.5)
        #expect(decoded.value?.position?.location == SourceLocation(path: "f.yml", line: 2, column: 11))
    }

    @Test func syntaxErrorsAndDuplicateKeysAreShiftedWithTheirRelatedPlace() {
        #expect(
            throws: YAMLDecodingError(
                at: SourceLocation(path: "f.yml", line: 4, column: 1),
                "invalid front matter: duplicate key 'title' (first at line 2, column 1)")
        ) {
            try YAMLDocument(
                "title: A\nx: 1\ntitle: B\n", path: "f.yml", lineOffset: 1, problem: "invalid front matter")
        }
        #expect(
            throws: YAMLDecodingError(at: SourceLocation(path: "f.yml", line: 1, column: 1), "a list, not a mapping")
        ) {
            try YAMLDocument("- a\n", path: "f.yml").mapping { "\($0), not a mapping" }
        }
    }

    @Test func unknownKeysComeBackWithTheKnownOnesAndASuggestion() throws {
        struct Options: Decodable {
            var emoji: Bool?
            var mdx: String?
        }
        struct Fields: Decodable {
            var title: String?
            var sidebarPosition: Double?
            var markdown: Options?
            var custom: YAMLNode?

            enum CodingKeys: String, CodingKey {
                case title
                case sidebarPosition = "sidebar_position"
                case markdown, custom
            }
        }
        let decoded = try decode(
            Fields.self,
            """
            title: A
            sidebar_postion: 2
            markdown:
              emojis: true
            custom: {anything: 1}
            colour: red
            """, lineOffset: 1)
        #expect(problems(decoded) == [])
        let unknown = decoded.unknownKeys
        #expect(unknown.map(\.fullName) == ["sidebar_postion", "markdown.emojis", "colour"])
        #expect(unknown.map(\.location.description) == ["f.yml:3:1", "f.yml:5:3", "f.yml:7:1"])
        #expect(unknown[0].suggestion == "sidebar_position")
        #expect(unknown[0].known == ["title", "sidebar_position", "markdown", "custom"])
        #expect(unknown[1].suggestion == "emoji")
        #expect(unknown[1].parent == "markdown")
        #expect(unknown[2].suggestion == nil)
    }

    @Test func aKeyReadAsADictionaryIsNeverUnknown() throws {
        struct Fields: Decodable {
            var env: [String: Int]
        }
        let decoded = try decode(Fields.self, "env: {A: 1, B: 2}\n")
        #expect(decoded.unknownKeys.isEmpty)
        #expect(decoded.value?.env == ["A": 1, "B": 2])
    }

    @Test func aKeyAskedTwiceIsKnownOnceAndALargeDictionaryIsCheckedQuickly() throws {
        struct Twice: Decodable {
            var title: String?
            var again: String?

            enum CodingKeys: String, CodingKey { case title }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                title = try container.decodeIfPresent(String.self, forKey: .title)
                again = try container.decodeIfPresent(String.self, forKey: .title)
            }
        }
        let twice = try decode(Twice.self, "title: A\ntitel: B\n")
        #expect(twice.value?.again == "A")
        #expect(twice.unknownKeys.map(\.key) == ["titel"])
        #expect(twice.unknownKeys.first?.known == ["title"])
        // 20,000 keys read as a dictionary, then one unknown key beside it: every key is looked up
        // among those asked (a set past a few dozen, not a comparison with each of them).
        struct Fields: Decodable {
            var env: [String: Int]
        }
        let text = "env:\n" + (0..<20_000).map { "  k\($0): \($0)\n" }.joined() + "envv: 1\n"
        let start = Date()
        let decoded = try decode(Fields.self, text)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(decoded.value?.env.count == 20_000)
        #expect(decoded.unknownKeys.map(\.key) == ["envv"])
    }

    @Test func aStringListTakesOneStringOrKeepsTheGoodItems() throws {
        struct Fields: Decodable {
            var one: StringList?
            var many: StringList?
            var bad: StringList?
            var none: StringList?
        }
        let decoded = try decode(Fields.self, "one: docs\nmany: [a, ~, 2]\nbad: [a, [b], c]\nnone:\n")
        #expect(
            problems(decoded) == [
                "f.yml:3:10: 'bad' must be a string, not a list",
                "f.yml:4:6: 'none' must be a list of strings, not null",
            ])
        #expect(decoded.value?.one?.items == ["docs"])
        #expect(decoded.value?.many?.items == ["a", "2"])
        #expect(decoded.value?.bad?.items == ["a", "c"])
    }

    @Test func anInvalidEnumValueIsLocated() throws {
        enum Banner: String, Decodable { case none, unreleased }
        struct Fields: Decodable { var banner: Banner? }
        let decoded = try decode(Fields.self, "x: 1\nbanner: soon\n")
        #expect(decoded.problems.map(\.location.description) == ["f.yml:2:9"])
        #expect(decoded.problems.first?.message.contains("soon") == true)
        #expect(decoded.unknownKeys.map(\.key) == ["x"])
    }

    @Test func theRootMustHaveTheShapeTheTypeAsks() throws {
        let decoded = try decode(Page.self, "- a\n")
        #expect(problems(decoded) == ["f.yml:1:1: the document must be a mapping, not a list"])
        #expect(decoded.value == nil)
    }

    @Test func aPathNamesABlockDecodedOnItsOwn() throws {
        struct Runbook: Decodable { var id: String? }
        let document = try YAMLDocument("runbook:\n  id: [x]\n", path: "p.md", lineOffset: 1)
        let block = try #require(document.root?["runbook"])
        let decoded = YAMLDecoder(document).decode(Runbook.self, from: block, at: ["runbook"])
        #expect(problems(decoded) == ["p.md:3:7: 'runbook.id' must be a string, not a list"])
    }

    /// A type that nests itself, to decode as deep as the parser allows.
    indirect enum Nested: Decodable {
        case leaf
        case list([Nested])

        init(from decoder: any Decoder) throws {
            if var items = try? decoder.unkeyedContainer() {
                var children: [Nested] = []
                while !items.isAtEnd { children.append(try items.decode(Nested.self)) }
                self = .list(children)
            } else {
                self = .leaf
            }
        }

        var depth: Int {
            switch self {
            case .leaf: return 0
            case .list(let items): return 1 + (items.map(\.depth).max() ?? 0)
            }
        }
    }

    @Test func hostileInputMeetsTheParsersLimitsBeforeAnyDecoding() throws {
        let limit = YAMLParser.maxDepth
        let deepest = try decode(
            Nested.self, String(repeating: "[", count: limit) + "x" + String(repeating: "]", count: limit))
        #expect(deepest.value?.depth == limit)
        #expect(throws: YAMLDecodingError.self) {
            try YAMLDocument(
                String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1), path: "f.yml")
        }
        var laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            laughs +=
                "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
        }
        do {
            _ = try YAMLDocument(laughs, path: "f.yml")
            Issue.record("a billion values were accepted")
        } catch {
            #expect(error.message.contains("more than \(YAMLParser.maxNodes) values"), "\(error)")
            #expect(error.location.line >= 5)
        }
    }

    @Test func aliasesWithinTheLimitDecodeAsCopies() throws {
        struct Fields: Decodable {
            var base: [String: Int]
            var copy: [String: Int]
        }
        let decoded = try decode(Fields.self, "base: &b {x: 1}\ncopy: *b\n")
        #expect(decoded.value?.copy == ["x": 1])
        #expect(decoded.unknownKeys.isEmpty)
    }
}
