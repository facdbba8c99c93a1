import Testing

@testable import DocketDiagnostics

/// "Did you mean" must catch the typos people make: a dropped, added or wrong letter, and two
/// neighbouring letters swapped; and must stay quiet for names that are merely different.
@Suite struct SuggestionTests {
    @Test(arguments: [
        ("titel", "title"), ("lable", "label"), ("herf", "href"), ("sidebar_postion", "sidebar_position"),
        ("slgu", "slug"), ("Title", "title"), ("timout", "timeout"), ("tilte", "title"),
    ])
    func commonTyposGetTheirSuggestion(typo: String, meant: String) {
        let known = ["title", "label", "href", "sidebar_position", "slug", "timeout", "tags"]
        #expect(Suggestion.closest(to: typo, in: known) == meant)
    }

    @Test func distanceCountsASwapAsOneEdit() {
        #expect(Suggestion.editDistance("titel", "title") == 1)
        #expect(Suggestion.editDistance("ab", "ba") == 1)
        #expect(Suggestion.editDistance("abc", "abc") == 0)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        // Optimal string alignment: a swapped pair is not edited again (this is 3, not 2).
        #expect(Suggestion.editDistance("ca", "abc") == 3)
    }

    @Test func unrelatedNamesGetNoSuggestion() {
        #expect(Suggestion.closest(to: "zzz", in: ["expect", "params"]) == nil)
        #expect(Suggestion.closest(to: "ab", in: ["xy"]) == nil)
        #expect(Suggestion.hint(for: "colour", in: ["title"]) == "")
        #expect(Suggestion.hint(for: "titel", in: ["title"]) == " (did you mean 'title'?)")
    }
}
