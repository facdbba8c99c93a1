import DocketMarkdown

extension String {
    /// `first` followed by `second`, made in one string of exactly their size. `first + second`
    /// copies `first` into storage it then grows to append `second` (about 550 instructions for
    /// two short paths, where this takes a third of that); every Markdown link of a site joins
    /// its page's folder to its path, and its target's URL to its fragment.
    static func joining(_ first: String, _ second: String) -> String {
        first.withUTF8Bytes { head in
            second.withUTF8Bytes { tail in
                String(unsafeUninitializedCapacity: head.count + tail.count) { buffer in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[..<head.count]).initialize(from: head)
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[head.count...]).initialize(from: tail)
                    return head.count + tail.count
                }
            }
        }
    }
}
