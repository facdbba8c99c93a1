/// `--shard K/N`: the K-th of N shares of the runbooks, so that N CI machines check a site
/// together. A runbook belongs to shard `FNV-1a-64(UTF-8 of its id) mod N + 1`: the same runbook
/// lands in the same shard on every machine, every run and every Swift version (Swift's own
/// `Hasher` is seeded per process, so it cannot decide this), and adding a runbook never moves
/// another one. With `--mutate` the mutants are split too: every shard checks each runbook
/// unchanged (reporting only its own runbooks) and runs its share of that runbook's mutants
/// (`includes(position:of:)`).
public struct CheckShard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based: shard 1/3 is the first of three.
    public let index: Int
    public let count: Int

    /// Shard `index` of `count`; nil unless `1 ≤ index ≤ count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` as written after `--shard`.
    public init(parsing text: String) throws(CheckShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { throw .notAShard(text) }
        guard n >= 1 else { throw .noShards(text) }
        guard let shard = CheckShard(index: k, count: n) else { throw .outOfRange(text, count: n) }
        self = shard
    }

    /// `2/3`, as the option takes it and the report records it.
    public var description: String { "\(index)/\(count)" }

    /// Whether the runbook (or anything else named by a stable key) belongs to this shard.
    public func includes(_ key: String) -> Bool {
        Int(Self.hash(key) % UInt64(count)) == index - 1
    }

    /// Whether the `position`-th (from 0) of a list named `key` belongs to this shard: the list
    /// dealt round-robin, starting at the key's own shard, so that N shards get shares that
    /// differ by one at most, and several short lists do not all load shard 1.
    public func includes(position: Int, of key: String) -> Bool {
        (Int(Self.hash(key) % UInt64(count)) + position) % count == index - 1
    }

    /// 64-bit FNV-1a of the key's UTF-8 bytes: small, fixed by its published constants, and
    /// the same on every platform.
    public static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
