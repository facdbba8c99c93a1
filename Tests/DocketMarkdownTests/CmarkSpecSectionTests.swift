import Testing

@testable import DocketMarkdown

/// `HTMLRenderer` against cmark-gfm's own `cmark_render_html`, section by section of the
/// CommonMark and GFM specs, on short inputs written for docket (not the specs' examples). The
/// generated documents of `CmarkDifferentialTests` mix constructs; these pin each rule alone, so a
/// difference names the rule it breaks. Both outputs go through `CmarkDifferentialTests.Normalized`
/// (HTML void elements, external-link and image attributes, alignment styles, code block and task
/// list markup, percent-encoding of URLs: each documented there). The differences left are listed
/// in `documented`, each with its reason; any other difference fails.
@Suite struct CmarkSpecSectionTests {
    /// Inputs whose HTML differs on purpose, and why.
    static let documented: [String: String] = [
        "```python\nprint(1)\n```\n":
            "a language DocketHighlight knows is highlighted at build time: its tokens are wrapped in <span class=\"tok-…\">",
        "~~~ yaml extra words\nkey: value\n~~~\n":
            "a language DocketHighlight knows is highlighted at build time: its tokens are wrapped in <span class=\"tok-…\">",
    ]

    static let sections: [(name: String, inputs: [String])] = [
        (
            "tabs",
            [
                "\tdeploy --dry-run\n",
                "  \tmake install\n",
                "- step one\n\n\tdetails of the step\n",
                ">\tnote after a tab\n",
                "#\tInstall\n",
                "-\t-\t-\t\n",
            ]
        ),
        (
            "backslash escapes",
            [
                "\\~\\|\\}\\{\\`\\_\\^\\]\\\\\\[\\@\\?\\>\\=\\<\\;\\:\\/\\.\\-\\,\\+\\*\\)\\(\\'\\&\\%\\$\\#\\\"\\!\n",
                "\\q \\ü \\9 keep their backslash\n",
                "\\_plain\\_ and \\# plain\n",
                "first\\\nsecond\n",
                "`keep \\_ here`\n",
                "[docs](/a\\_b \"say \\\"hi\\\"\")\n",
                "~~~\n\\_ in a fence\n~~~\n",
            ]
        ),
        (
            "entities",
            [
                "&lt;tag&gt; &quot;q&quot; &eacute; &hearts; &Ntilde; &sup2; &DoubleRightArrow;\n",
                "&#65; &#8364; &#x41; &#X263A; &#0; &#1114112;\n",
                "&lt &bogus; &#; &#xZ; &#12345678; &a-b;\n",
                "R&D and AT&T stay\n",
                "[cafe](/caf&eacute; \"caf&eacute;\")\n",
                "`&eacute;` stays in code\n",
                "&#95;not emphasis&#95;\n",
            ]
        ),
        (
            "thematic breaks",
            [
                "- - -\n* * *\n_ _ _\n",
                "===\n",
                "__\n--\n",
                "   ---\n  ___\n ***\n",
                "    ___\n",
                "*****************************\n",
                "  *   *   *  \n",
                "-- - -- -\n",
                "* * * x\n",
                "Intro\n___\nOutro\n",
                "* apples\n- - -\n* pears\n",
            ]
        ),
        (
            "ATX headings",
            [
                "# A\n## B\n### C\n#### D\n##### E\n###### F\n",
                "######## eight\n",
                "#2 not\n\n#tag not\n",
                "\\# not a heading\n",
                "## Run `deploy` *now*\n",
                "##      lots of space      \n",
                "  ## two spaces\n   # three\n",
                "     # five spaces\n",
                "# Closed #\n## Uneven ####\n",
                "## Trailing ##   \n",
                "## Ends in x#\n",
                "# \n##\n## ##\n",
            ]
        ),
        (
            "setext headings",
            [
                "Install\n=======\n\nConfigure\n---------\n",
                "Two lines\nof title\n---\n",
                "  Indented title\n===\n",
                "Title\n    =\n",
                "Title\n  ===  \n",
                "> in a quote\n===\n",
                "* in a list\n===\n",
                "\\* escaped star\n===\n",
            ]
        ),
        (
            "indented code",
            [
                "    first line\n        deeper line\n",
                "- item\n\n      code in an item\n",
                "    <b>raw</b>\n    _not em_\n",
                "    part one\n\n\n    part two\n",
                "Text\n    not code\n",
                "    code\ntext after\n",
                "      six\n    four\n",
                "\n    \n    body\n    \n",
            ]
        ),
        (
            "fenced code",
            [
                "```\n< & >\n```\n",
                "~~~\nx ~~~\n~~~\n",
                "``\nshort fence\n``\n",
                "~~~\ninner\n```\n~~~\n",
                "`````\n````\n`````\n",
                "~~~\nnever closed\n",
                "```\n\n\n```\n",
                "> ~~~\n> quoted\n\nafter\n",
                "  ~~~\n  two in\n one\n    four\n  ~~~\n",
                "```python\nprint(1)\n```\n",
                "~~~ yaml extra words\nkey: value\n~~~\n",
                "``` x ```\nnot a fence\n",
                "~~~\n~~~ closing has info\n~~~\n",
                "```   \nempty info\n```\n",
            ]
        ),
        (
            "HTML blocks",
            [
                "<table>\n<tr><td>\n*cell*\n</td></tr>\n</table>\n",
                "<section>\n  _kept raw_\n   <b>\n",
                "</section>\n_raw_\n",
                "<SECTION>\n\n_markdown again_\n\n</SECTION>\n",
                "<div class=\"box\"\n     id=\"x\">\n</div>\n",
                "<span>\n_inline start_\n</span>\n",
                "<Custom>\n_text_\n</Custom>\n",
                "<ins>_x_</ins>\n",
                "<pre>\n\nkeeps *this*\n</pre>\nafter\n",
                "<script>\nlet a = 1 < 2;\n\nlet b = 3;\n</script>\nafter\n",
                "<style>\np { margin: 0 }\n\n</style>\nafter\n",
                "<!-- a\n\nlong comment -->\nafter\n",
                "<?xml version=\"1.0\"?>\n",
                "<!ENTITY x \"y\">\n",
                "<![CDATA[\na < b\n\n]]>\nafter\n",
                "Some text\n<section>\nmore\n</section>\n",
                "   <hr>\n\n    <hr>\n",
            ]
        ),
        (
            "link reference definitions",
            [
                "[guide]: /guide \"The guide\"\n\n[guide]\n",
                "  [guide]:\n     /guide\n  'On a line of its own'\n\n[guide]\n",
                "[Odd *label*]: <./a b> (parens title)\n\n[odd *label*]\n",
                "[empty]: <>\n\n[empty]\n",
                "[esc]: /a\\*b \"t\\*t\"\n\n[esc]\n",
                "[CaSe]: /case\n\n[case] [CASE]\n",
                "[bad]: /url \"title\" trailing\n\n[bad]\n",
                "[twice]: /one\n[twice]: /two\n\n[twice]\n",
                "## [ref]\n[ref]: /r\n> quote\n",
                "[later]\n\n- [later]: /in-list\n",
            ]
        ),
        (
            "paragraphs and blank lines",
            [
                "one\n\ntwo\n",
                "one\nline\n\nthree\nfour\n",
                "   leading spaces\n  go\n",
                "a\n         b\n                   c\n",
                "end spaces   \nnext   \n",
                "   \n\nbody\n   \n\n## h\n\n   \n",
            ]
        ),
        (
            "block quotes",
            [
                "> ## Quote title\n> line\n> more\n",
                ">## tight\n>line\n",
                "  > three\n > two\n>one\n",
                "> lazy\ncontinuation\n",
                "> * listed\n* outside\n",
                ">\n>\n",
                "> first\n\n> second\n",
                "> first\n>\n> same quote\n",
                "> a\nb\n> c\n",
                "> > deep\n> > deeper\nlazy\n",
                ">      code in quote\n\n>     also code?\n",
            ]
        ),
        (
            "list items",
            [
                "1.  Para one\n    continues.\n\n        code inside\n\n    > quote inside\n",
                "* top\n\n text under\n",
                "* top\n\n  text under\n",
                "*nope\n\n3.nope\n",
                "* top\n\n\n  after two blanks\n",
                "987654321. nine digits\n",
                "9876543210. ten digits\n",
                "0. zero\n",
                "007. bond\n",
                "-7. negative\n",
                "*\n  later\n*\n  ~~~\n  fenced\n  ~~~\n",
                "*    \n  later\n",
                "* a\n*\n* c\n",
                "-\n",
                "text\n-\n\ntext\n2.\n",
                "   2.  three-space indent\n       continued\n",
                "* one\n * two\n  * three\n   * four\n    * five\n",
                "3) outer\n   * inner\n",
                "* ## In item\n* Plain\n  ===\n  after\n",
            ]
        ),
        (
            "lists",
            [
                "* a\n* b\n- c\n",
                "4. a\n5. b\n6) c\n",
                "Paragraph\n* interrupts\n",
                "Count to\n42. not a list\n",
                "Count to\n1. a list\n",
                "* loose\n\n* list\n\n\n* here\n",
                "* a\n  * b\n    * c\n\n\n      d\n",
                "1. x\n2. y\n\n<!-- split -->\n\n1. z\n",
                "* tight\n* then\n\n* loose\n",
                "- x\n-\n\n- z\n",
                "* p\n* q\n\n  r\n* s\n",
                "* p\n  > q\n  ~~~\n  r\n  ~~~\n* s\n",
                "1. ~~~\n   code\n   ~~~\n\n   after\n",
                "- a\n  - b\n\n  c\n",
            ]
        ),
        (
            "code spans",
            [
                "`run`\n",
                "`` a ` b ``\n",
                "` `` `\n",
                "`   ``   `\n",
                "` one-sided`\n",
                "`  `\n` `\n",
                "``\nspan\nover  \nlines\n``\n",
                "`a    b \nc`\n",
                "`a\\`b`\n",
                "_x`_`\n",
                "[label `code](/u`)\n",
                "`<b title=\"`\">`\n",
                "````a```\n",
                "`a``b``\n",
            ]
        ),
        (
            "emphasis",
            [
                "*run now*\n",
                "x * run now*\n",
                "x*\"q\"*\n",
                "* x *\n",
                "in*side*word\n",
                "3*4*56\n",
                "_run now_\n",
                "_ run now_\n",
                "in_side_word\n",
                "3_4_56\n",
                "слово_внутри_\n",
                "xx_\"yy\"_zz\n",
                "pre-_(x)_\n",
                "_mixed*\n",
                "*space before *\n",
                "*(*x)\n",
                "*(*x*)*\n",
                "*x*y\n",
                "_a_b_c_\n",
                "**two stars**\n",
                "** lead space**\n",
                "mid**strong**\n",
                "__two under__\n",
                "mid__strong__\n",
                "**say \"*this*\" now**\n",
                "*a **b** c*\n",
                "*a**b**c*\n",
                "***a** b*\n",
                "*see [docs](/d)*\n",
                "** alone\n",
                "**unbalanced*\n",
                "*unbalanced**\n",
                "***all three***\n",
                "______deep______\n",
                "*a _b* c_\n",
                "**x<https://example.org/?y=**>\n",
                "*x `*`*\n",
            ]
        ),
        (
            "links",
            [
                "[docs](/docs \"Docs\")\n",
                "[docs](/docs)\n",
                "[empty]()\n",
                "[angle]( <> )\n",
                "[space](/a b)\n",
                "[space](</a b>)\n",
                "[nl](a\nb)\n",
                "[x](<y)z>)\n",
                "[p](\\(p\\))\n",
                "[nest](a(b(c)))\n",
                "[esc](a\\)\\!)\n",
                "[f](#part)\n\n[g](https://example.org/#part)\n",
                "[bs](a\\b)\n",
                "[pct](a%2Fb&amp;c)\n",
                "[quoted](\"x\")\n",
                "[mixed](/u 'it \"is\" so')\n",
                "[ws](\n  /u\n  \"t\"\n)\n",
                "[a [b [c]]](/u)\n",
                "[a] b](/u)\n",
                "[a \\[ b](/u)\n",
                "[a *b **c** `d`*](/u)\n",
                "[![icon](i.png)](/u)\n",
                "[out [in](/in)](/out)\n",
                "*[x*](/u)\n",
                "[x`](/u)`\n",
                "[text][ref]\n\n[ref]: /r \"R\"\n",
                "[ref][]\n\n[ref]: /r\n",
                "[*em* ref]\n\n[*em* ref]: /r \"R\"\n",
                "[text] [ref]\n\n[ref]: /r\n",
                "[text][REF]\n\n[ref]: /r\n",
                "[Straße]\n\n[STRASSE]: /s\n",
                "[x][a\\!]\n\n[a!]: /r\n",
                "[x][r[]\n\n[r[]: /r\n",
                "[]\n\n[]: /r\n",
                "[ref]tail\n\n[ref]: /r\n",
                "[ref](not a dest)\n\n[ref]: /r\n",
            ]
        ),
        (
            "images",
            [
                "![logo](/logo.png \"Logo\")\n",
                "![a *b*](c.png \"d & e\")\n",
                "![a ![b](/b)](/c)\n",
                "![a [b](/b)](/c)\n",
                "![x](<y z.png>)\n",
                "![](/blank.png)\n",
                "![alt][img]\n\n[img]: /i.png\n",
                "![*alt* text][]\n\n[*alt* text]: /i.png \"T\"\n",
                "!\\[alt]\n\n[alt]: /i.png\n",
            ]
        ),
        (
            "autolinks",
            [
                "<https://docket.example>\n",
                "<https://docket.example/a?b=1&c=2>\n",
                "<ftp://files.example:21/x>\n",
                "<MAILTO:ME@EXAMPLE.ORG>\n",
                "<x+y.z:w>\n",
                "<anything://a,b>\n",
                "<https://a.example/b c>\n",
                "<https://a.example/\\[\\>\n",
                "<me@mail.example.org>\n",
                "<me\\+x@mail.example>\n",
                "<>\n< https://a.example >\n<x:y>\n",
            ]
        ),
        (
            "raw HTML",
            [
                "<i><kbd><h5x>\n",
                "<i/><x9/>\n",
                "<i  /><x9\nflag=\"y\" >\n",
                "<i one=\"1\" two = 'x <b>\"</b>'\n_three four:5=six:7 />\n",
                "Text <my-element data-x=\"y\" />\n",
                "<9x> <_a>\n",
                "<i b*c=\"d\">\n",
                "</i></kbd >\n",
                "x <!-- remark with - dashes -->\n",
                "x <?pi data ?>\n",
                "x <!DECL thing>\n",
                "x <![CDATA[<>&]]>\n",
                "x <i title=\"&eacute;\">\n",
                "<i title=\"\\\"\">\n",
            ]
        ),
        (
            "line breaks",
            [
                "one  \ntwo\n",
                "one\\\ntwo\n",
                "one        \ntwo\n",
                "one  \n      two\n",
                "_one  \ntwo_\n",
                "`one  \ntwo`\n",
                "<i title=\"one  \ntwo\">\n",
                "last\\\n",
                "## heading  \n",
                "soft\nbreak\n",
                "trail \n lead\n",
            ]
        ),
        (
            "textual content",
            [
                "plain $ . ; ' text\n",
                "Ünïcödé 漢字 ✓\n",
                "several     spaces\n",
            ]
        ),
        (
            "GFM tables",
            [
                "| name | value |\n| ---- | ----- |\n| a | 1 |\n",
                "| left | right |\n:--- | ---:\nx | y\n",
                "| a\\|b |\n| --- |\n| `c\\|d` |\n| **e\\|f** |\n",
                "| a | b |\n| - | - |\n| 1 | 2 |\n> ends the table\n",
                "| a | b |\n| - | - |\n| 1 | 2 |\nlazy row\n\nparagraph\n",
                "| a | b |\n| - |\n| 1 |\n",
                "| a | b |\n| - | - |\n| 1 |\n| 1 | 2 | 3 |\n",
                "| only | header |\n| :-: | :-: |\n",
                "| x |\n|:--|\n| _em_ [l](/u) |\n",
                "Before\n| a | b |\n| - | - |\n| 1 | 2 |\n",
            ]
        ),
        (
            "GFM task lists",
            [
                "- [ ] todo\n- [x] done\n",
                "- [x] parent\n  - [ ] child\n  - [x] child\n- [ ] sibling\n",
                "1. [X] capital\n2. [ ] open\n",
                "- [ ]\n- [x]glued\n- [z] other\n",
                "- [ ] loose\n\n- [x] items\n",
            ]
        ),
        (
            "GFM strikethrough",
            [
                "~~gone~~ stays\n",
                "~~spans\n\nparagraphs~~ no\n",
                "~one~ ~~two~~ ~~~three~~~\n",
                "~~**b** in~~ and **~~s~~**\n",
                "x~~y~~z and ~~ pad ~~\n",
            ]
        ),
        (
            "GFM extended autolinks",
            [
                "www.docket.example\n",
                "See www.docket.example/guide today.\n",
                "End www.docket.example.\n\nPath www.docket.example/a.b.\n",
                "www.docket.example/q=(a)\n\nwww.docket.example/q=(a)))\n",
                "www.docket.example/(x))+y\n",
                "www.docket.example/?a=1&b=2\n\nwww.docket.example/?a=1&b;\n",
                "www.docket.example/a<b\n",
                "https://docket.example\n\n(see https://docket.example/x_(y))\n",
                "ops@docket.example\n",
                "me@x+y.example no, me+y@x.example yes\n",
                "a.b-c_d@x.y\n\na.b-c_d@x.y.\n\na.b-c_d@x.y-\n\na.b-c_d@x.y_\n",
            ]
        ),
        (
            "GFM disallowed raw HTML",
            [
                "<b> <title> <style> <i>\n\n<div>\n  <xmp> and <XMP> here\n</div>\n",
                "<textarea>x</textarea> <iframe src=\"x\"></iframe> <noembed> <plaintext>\n",
            ]
        ),
    ]

    static var all: [(section: String, input: String)] {
        sections.flatMap { section in section.inputs.map { (section.name, $0) } }
    }

    @Test(arguments: sections.indices)
    func sectionRendersAsCmarkGFM(_ index: Int) {
        let section = Self.sections[index]
        for markdown in section.inputs {
            guard let difference = CmarkDifferentialTests.compare(markdown) else {
                #expect(Self.documented[markdown] == nil, "listed as a difference but renders the same: \(markdown)")
                continue
            }
            if Self.documented[markdown] != nil { continue }
            Issue.record(
                "\(section.name), input:\n\(markdown)\ndocket:\n\(difference.ours)\ncmark-gfm:\n\(difference.reference)"
            )
        }
    }

    /// Inputs the whole page pipeline renders differently from cmark-gfm on purpose, and why:
    /// docket reads block HTML the way MDX (and so Docusaurus) does, as JSX whose content is
    /// Markdown, where CommonMark passes an HTML block through untouched.
    static let pipelineDocumented: [String: String] = [
        "<table>\n<tr><td>\n*cell*\n</td></tr>\n</table>\n":
            "MDX: the tags are elements, written one per line, and the text between them is Markdown",
        "<section>\n  _kept raw_\n   <b>\n":
            "MDX: an unclosed tag is an error at its line, and the text after it is Markdown",
        "<SECTION>\n\n_markdown again_\n\n</SECTION>\n":
            "MDX: a capitalised tag is a component; one docket cannot render is an error, and only its content is shown",
        "<Custom>\n_text_\n</Custom>\n":
            "MDX: a capitalised tag is a component; one docket cannot render is an error, and only its content is shown",
        "<div class=\"box\"\n     id=\"x\">\n</div>\n":
            "MDX: an element's opening tag is written on one line",
        "   <hr>\n\n    <hr>\n":
            "MDX: an element is written without the indentation of its line",
        "<b> <title> <style> <i>\n\n<div>\n  <xmp> and <XMP> here\n</div>\n":
            "MDX: the text inside <div> is Markdown (a paragraph); neither renderer applies GFM's tag filter",
    ]

    /// The same inputs through the whole page pipeline of a `.md` page (the directive and MDX
    /// layers, heading anchors), with heading anchors taken out: what a reader of a docket site
    /// gets. Only the differences of `documented` and `pipelineDocumented` are allowed.
    @Test func wholePipelineRendersAsCmarkGFM() {
        for (section, markdown) in Self.all {
            var renderer = HTMLRenderer()
            renderer.emoji = false
            let parsed = MarkdownDocument.parse(markdown, path: "t.md")
            let (tree, _) = HeadingAnchors.assign(parsed.root)
            let ours = CmarkDifferentialTests.Normalized.ours(
                Self.withoutHeadingAnchors(renderer.render(document: tree)))
            let reference = CmarkDifferentialTests.Normalized.reference(CmarkParser.referenceHTML(markdown))
            if ours == reference {
                #expect(
                    Self.pipelineDocumented[markdown] == nil, "listed as a difference but renders the same: \(markdown)"
                )
                continue
            }
            guard Self.documented[markdown] == nil, Self.pipelineDocumented[markdown] == nil else { continue }
            Issue.record(
                """
                \(section), input:
                \(markdown)
                docket:
                \(ours)
                cmark-gfm:
                \(reference)
                diagnostics: \(parsed.diagnostics.all.map(\.description))
                """)
        }
    }

    /// `<h2 id="x" class="anchor">T<a class="hash-link" …>#</a></h2>` back to `<h2>T</h2>`.
    static func withoutHeadingAnchors(_ html: String) -> String {
        var out = html.replacingOccurrences(
            of: #"<h([1-6]) id="[^"]*" class="anchor">"#, with: "<h$1>", options: .regularExpression)
        out = out.replacingOccurrences(
            of: #"<a class="hash-link" href="[^"]*" aria-label="[^"]*" title="[^"]*">#</a></h"#, with: "</h",
            options: .regularExpression)
        return out
    }

    /// The normalisation touches only markup the renderers write themselves: an author's raw
    /// `<x />` or a `</span>` at a line start outside code blocks must still be compared (both
    /// were rewritten once, which made differences appear, or could hide one).
    @Test func normalisationLeavesRawHTMLAlone() {
        #expect(CmarkDifferentialTests.Normalized.reference("<p><x /> <br /></p>\n") == "<p><x /> <br></p>\n")
        #expect(CmarkDifferentialTests.Normalized.ours("<span>\ntext\n</span>\n") == "<span>\ntext\n</span>\n")
        let code = "<div class=\"code-block\"><pre><code><span class=\"line\">a\n</span></code></pre></div>\n"
        #expect(CmarkDifferentialTests.Normalized.ours(code) == "<pre><code>a\n</code></pre>\n")
    }

    /// Enough inputs, and every spec section has some.
    @Test func coverage() {
        #expect(Self.all.count >= 150, "\(Self.all.count) inputs")
        #expect(Self.sections.allSatisfy { !$0.inputs.isEmpty })
        #expect(Set(Self.all.map(\.input)).count == Self.all.count, "an input is listed twice")
    }
}
