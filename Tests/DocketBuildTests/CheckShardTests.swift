import Testing

@testable import DocketChecks

/// `--shard K/N`: its parsing, and that the split is a partition fixed by the documented hash.
@Suite struct CheckShardTests {
    @Test func readsKOverN() throws {
        let shard = try CheckShard(parsing: "2/3")
        #expect(shard.index == 2 && shard.count == 3)
        #expect(shard.description == "2/3")
        #expect(try CheckShard(parsing: "1/1").count == 1)
    }

    @Test(arguments: [
        ("0/2", CheckShardError.outOfRange("0/2", count: 2)),
        ("3/2", .outOfRange("3/2", count: 2)),
        ("-1/2", .outOfRange("-1/2", count: 2)),
        ("1/0", .noShards("1/0")),
        ("1/-3", .noShards("1/-3")),
        ("a/b", .notAShard("a/b")),
        ("2", .notAShard("2")),
        ("1/2/3", .notAShard("1/2/3")),
        ("", .notAShard("")),
        (" 1/2", .notAShard(" 1/2")),
        ("1/99999999999999999999", .notAShard("1/99999999999999999999")),
    ])
    func refusesWhatIsNotAShard(text: String, expected: CheckShardError) {
        #expect(throws: expected) { try CheckShard(parsing: text) }
        // Every message names the option, so a CI log says which flag is wrong.
        #expect(expected.description.contains("--shard"))
    }

    /// The published FNV-1a 64 values: the split cannot drift with a Swift or docket release.
    @Test func theHashIsFNV1a64() {
        #expect(CheckShard.hash("") == 0xCBF2_9CE4_8422_2325)
        #expect(CheckShard.hash("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(CheckShard.hash("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func everyRunbookIsInExactlyOneShard() throws {
        let ids = (0..<200).map { "runbook-\($0)" } + ["authentik", "gpu-server", "params", "ü-ñ"]
        for count in 1...7 {
            let shards = (1...count).map { CheckShard(index: $0, count: count)! }
            for id in ids {
                #expect(shards.filter { $0.includes(id) }.count == 1, "\(id) of \(count)")
            }
            // Roughly even: no shard of a few has less than half its fair share of 204.
            for shard in shards {
                #expect(ids.filter(shard.includes).count > ids.count / count / 2, "\(shard)")
            }
        }
    }

    /// Pinned shards of this project's runbooks (computed from the formula, independently of
    /// this code): the split documented in checks.md is the split docket makes.
    @Test func theSameIdAlwaysLandsInTheSameShard() {
        #expect(CheckShard.hash("authentik") == 0xC55A_BAAB_70A7_0BFC)
        for (id, ofThree, ofTwo) in [("authentik", 2, 1), ("gpu-server", 3, 2), ("params", 3, 2)] {
            #expect(CheckShard(index: ofThree, count: 3)!.includes(id), "\(id)")
            #expect(CheckShard(index: ofTwo, count: 2)!.includes(id), "\(id)")
        }
    }

    /// `--mutate` deals a runbook's mutants round-robin from the runbook's own shard: every
    /// position in exactly one shard, shares that differ by one at most.
    @Test(arguments: [1, 2, 3, 5])
    func mutantPositionsArePartitionedEvenly(count: Int) throws {
        for key in ["authentik", "gpu-server", "x"] {
            var sizes = Array(repeating: 0, count: count)
            for position in 0..<11 {
                let owners = (1...count).filter {
                    CheckShard(index: $0, count: count)!.includes(position: position, of: key)
                }
                #expect(owners.count == 1, "position \(position) of \(key): \(owners)")
                if let owner = owners.first { sizes[owner - 1] += 1 }
            }
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(key): \(sizes)")
        }
        // The first position goes to the key's own shard.
        let own = Int(CheckShard.hash("authentik") % UInt64(count)) + 1
        #expect(CheckShard(index: own, count: count)!.includes(position: 0, of: "authentik"))
    }
}
