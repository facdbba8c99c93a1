/// A cheap upper estimate of what cmark-gfm will allocate for a page, taken before parsing.
///
/// cmark-gfm keeps a few hundred bytes per element, and an element can cost a single byte of
/// input (`[[[[`, `- - - -`, one short line after another): 10 MB of such text needs gigabytes
/// before docket sees the tree. So a page may hold at most `limit` units, counted in one pass
/// over its bytes: one per line and one per markup character (`*_[]<>` and the like) outside
/// fenced code. Ordinary pages are far below it (about 40,000 units for 1 MB of prose); markup
/// inside fences is free, as cmark stores code as text, but its lines count (each becomes a
/// line of the rendered block).
struct MarkupBudget {
    /// The most units a page may hold.
    static let limit = 250_000

    /// The 1-based line of `text` where the budget ran out, or nil when the page is within it.
    static func overrun(in text: String) -> Int? {
        var text = text
        // A contiguous UTF-8 buffer: one pointer walk, fast even in a debug build.
        return text.withUTF8 { overrun(in: $0) }
    }

    private static func overrun(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // A unit is counted for a byte (a newline or a markup character), never twice for one:
        // a page of no more bytes than the limit cannot exceed it, and most pages are far smaller.
        guard bytes.count > limit else { return nil }
        // Constants and the table in locals: this loop sees every byte of every page.
        let (newline, space, backtick, tilde): (UInt8, UInt8, UInt8, UInt8) = (10, 32, 96, 126)
        let markup = Self.markup
        var units = 0
        var line = 1
        var atLineStart = true
        var leadingSpaces = 0
        // The fence that opened the current code block: its character and length.
        var fence: (byte: UInt8, length: Int)?
        var run = (byte: UInt8(0), length: 0)
        var lineIsFence = false
        var inFenceLine = false

        for byte in bytes {
            if byte == newline {
                units += 1
                if lineIsFence {
                    // A run of three or more backticks or tildes at a line start opens or closes
                    // a fenced block (a closing fence must be at least as long as the opening).
                    if let open = fence {
                        if run.byte == open.byte && run.length >= open.length { fence = nil }
                    } else {
                        fence = (run.byte, run.length)
                    }
                }
                line += 1
                atLineStart = true
                leadingSpaces = 0
                run = (0, 0)
                lineIsFence = false
                inFenceLine = false
                if units > limit { return line - 1 }
                continue
            }
            if atLineStart {
                if byte == space && leadingSpaces < 3 {
                    leadingSpaces += 1
                    continue
                }
                if byte == backtick || byte == tilde {
                    if run.length == 0 || run.byte == byte {
                        run = (byte, run.length + 1)
                        if run.length >= 3 { lineIsFence = true; inFenceLine = true }
                        continue
                    }
                }
                atLineStart = false
            }
            guard fence == nil || inFenceLine else { continue }
            if markup[Int(byte)] {
                units += 1
                if units > limit { return line }
            }
        }
        return nil
    }

    /// The markup bytes as a table: one load per byte, even in a debug build.
    private static let markup: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "*_[]<>`~!&|\\:#-+.)={}\t\r".utf8 { table[Int(character)] = true }
        return table
    }()
}
