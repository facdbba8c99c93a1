import DocketMarkdown
import Testing

/// `:shortcode:` emoji: GitHub names in text only, and off with `emoji = false`.
@Suite struct EmojiShortcodeTests {
    private func html(_ markdown: String, emoji: Bool = true) -> String {
        var renderer = HTMLRenderer()
        renderer.emoji = emoji
        return renderer.render(document: MarkdownDocument.parse(markdown, lineOffset: 0, path: "a.md").root)
    }

    @Test func githubNamesAreReplaced() {
        #expect(EmojiShortcodes.replace(in: ":white_check_mark: done, :warning: careful") == "✅ done, ⚠️ careful")
        #expect(EmojiShortcodes.replace(in: ":+1::-1:") == "👍👎")
        #expect(EmojiShortcodes.emoji(named: "tada") == "🎉")
    }

    @Test func anythingElseIsLeftAlone() {
        for text in [
            "no colons", "10:30:00", ":unknown_name_here:", "::", ":", "a:smile", ":Smile:", ":smile :",
            "ends with :smi",
        ] {
            #expect(EmojiShortcodes.replace(in: text) == text, "\(text)")
        }
        #expect(EmojiShortcodes.replace(in: "x:y:smile:") == "x:y😄")
    }

    @Test func shortcodesBetweenOtherScriptsAndAtTheEnds() {
        #expect(EmojiShortcodes.replace(in: "é:smile:ü") == "é😄ü")
        #expect(EmojiShortcodes.replace(in: ":smile::smile:") == "😄😄")
        #expect(EmojiShortcodes.replace(in: "::smile:::") == ":😄::")
        #expect(EmojiShortcodes.replace(in: "Ünïcödé: :tada: — ok:") == "Ünïcödé: 🎉 — ok:")
        #expect(EmojiShortcodes.replace(in: ":smile:é") == "😄é")
        #expect(EmojiShortcodes.replace(in: "日本:smile:語:xq:") == "日本😄語:xq:")
    }

    @Test func codeAndURLsKeepTheirColons() {
        let out = html(
            "`:warning:` [go](https://e.org/:warning:) <b title=\":warning:\">x</b>\n\n```\n:warning:\n```\n")
        #expect(!out.contains("⚠️"), "\(out)")
        #expect(out.contains("<code>:warning:</code>"))
        #expect(out.contains("href=\"https://e.org/:warning:\""))
    }

    @Test func offWhenDisabled() {
        #expect(html("Done :white_check_mark:\n") == "<p>Done ✅</p>\n")
        #expect(html("Done :white_check_mark:\n", emoji: false) == "<p>Done :white_check_mark:</p>\n")
    }
}
