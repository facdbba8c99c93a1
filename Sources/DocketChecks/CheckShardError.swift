/// Why a `--shard` value is not one: each message names the option and shows the form.
public enum CheckShardError: Error, Equatable, CustomStringConvertible {
    /// Not two whole numbers around a slash (`a/b`, `2`, `1/2/3`).
    case notAShard(String)
    /// `N` is zero or negative (`1/0`).
    case noShards(String)
    /// `K` is not between 1 and `N` (`0/2`, `3/2`).
    case outOfRange(String, count: Int)

    public var description: String {
        switch self {
        case .notAShard(let text):
            return "--shard takes K/N, two whole numbers such as 2/4 (the second of four shards), not '\(text)'"
        case .noShards(let text):
            return "--shard \(text): the number of shards N must be at least 1"
        case .outOfRange(let text, let count):
            return "--shard \(text): K counts from 1 to the number of shards, so it must be between 1 and \(count)"
        }
    }
}
