extension String {
    /// This noun (a singular English noun whose plural adds `s`) with `count` before it:
    /// `"page".counted(1)` is `1 page`, `"page".counted(3)` is `3 pages`, `"page".counted(0)` is
    /// `0 pages`. Every summary line docket prints counts this way.
    public func counted(_ count: Int) -> String {
        "\(count) \(plural(count))"
    }

    /// This noun for `count` things, without the number: `"shard".plural(2)` is `shards`.
    public func plural(_ count: Int) -> String {
        count == 1 ? self : self + "s"
    }
}
