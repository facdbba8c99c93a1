import DocketMarkdown
import DocketSite
import Testing

/// The MDX components a page uses are found once, while it is parsed, and are the ones its tree
/// holds (the build asks for tabs and card lists on every page).
@Suite struct PageComponentsTests {
    func components(_ text: String, source: String = "a.mdx") -> Set<MDXComponent> {
        PageParser.parse(text: text, source: source, displayPath: source).components
    }

    @Test func theComponentsOfThePageAreTheOnesItsTreeHolds() {
        let tabs = """
            import Tabs from '@theme/Tabs';
            import TabItem from '@theme/TabItem';

            <Tabs>
            <TabItem value="a">

            - in a list: <DocCardList />

            </TabItem>
            </Tabs>
            """
        let page = PageParser.parse(text: tabs, source: "a.mdx", displayPath: "a.mdx")
        #expect(page.components == [.tabs, .tabItem])
        for component in MDXComponent.allCases {
            #expect(page.components.contains(component) == page.document.contains(component: component), "\(component)")
        }
        #expect(components("# Plain\n\nNo <b>JSX</b> here.\n", source: "a.md").isEmpty)
        #expect(components("import DocCardList from '@theme/DocCardList';\n\n<DocCardList />\n") == [.docCardList])
    }
}
