import DocketDiagnostics
import Testing

@Suite struct CountedNounTests {
    @Test func oneIsSingularEveryOtherCountPlural() {
        #expect("page".counted(1) == "1 page")
        #expect("page".counted(0) == "0 pages")
        #expect("page".counted(2) == "2 pages")
        #expect("warning".counted(10_000) == "10000 warnings")
        #expect("shard".plural(1) == "shard")
        #expect("shard".plural(3) == "shards")
        #expect("step".plural(0) == "steps")
    }
}
