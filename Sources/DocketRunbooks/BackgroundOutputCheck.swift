import Foundation

/// Finds the commands a shell step starts in the background (`cmd &`) that keep the step's
/// standard output or error. The runtime shows a step's output until the last process holding
/// it has gone, so such a step, and the run after it, waits until the background command exits:
/// for a server or a `kubectl port-forward`, forever. `nohup` does not help there (it redirects
/// only when the output is a terminal, and a step's output is a pipe).
///
/// A hand-written reading of the script (ShellContext's quoting, then the words around each
/// unquoted `&`), not a shell parser: it follows `>file`, `2>file`, `&>file`, `2>&1`, `>&2`,
/// `>&-` in order, and an `exec` with redirections before the command; `&` in arithmetic is
/// left alone. A step that runs `wait` waits for its background commands on purpose and is not
/// reported.
enum BackgroundOutputCheck {
    /// A background command that keeps the step's output.
    struct Finding: Equatable {
        /// Line (1-based) in the step's body and byte column (1-based) of its `&`.
        var line: Int
        var column: Int
        /// The command as written, trimmed.
        var command: String
        /// "output", "standard output" or "standard error".
        var holds: String
    }

    /// Which of the two streams still lead to the step's output.
    private struct Streams {
        var stdoutHeld = true
        var stderrHeld = true
    }

    static func findings(in body: String) -> [Finding] {
        let bytes = Array(body.utf8)
        let contexts = ShellContext.classify(bytes)
        func unquoted(_ index: Int) -> Bool { index >= 0 && index < bytes.count && contexts[index] == .unquoted }
        if runsWait(bytes, unquoted: unquoted) { return [] }
        var found: [Finding] = []
        var baseline = Streams()
        var segmentStart = 0
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                if unquoted(index) {
                    applyExec(bytes[segmentStart..<index], unquoted: unquoted, to: &baseline)
                    segmentStart = index + 1
                }
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard unquoted(index) else {
                index += 1
                continue
            }
            // `(( … ))` and `$(( … ))` are arithmetic: an `&` there is a bitwise and.
            if byte == UInt8(ascii: "("), bytes[safe: index + 1] == UInt8(ascii: "(") {
                index = arithmeticEnd(bytes, from: index)
                continue
            }
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "("):
                if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") || bytes[safe: index - 1] != UInt8(ascii: ">")
                {
                    applyExec(bytes[segmentStart..<index], unquoted: unquoted, to: &baseline)
                    segmentStart = index + 1
                }
            case UInt8(ascii: "&"):
                let previous = bytes[safe: index - 1], next = bytes[safe: index + 1]
                if next == UInt8(ascii: "&") {
                    // `&&`: the command before it runs in the foreground.
                    segmentStart = index + 2
                    index += 2
                    continue
                }
                // `>&`, `<&`, `&>` and `|&` are redirections or pipes, not a background job.
                if previous == UInt8(ascii: ">") || previous == UInt8(ascii: "<") || previous == UInt8(ascii: "|")
                    || next == UInt8(ascii: ">")
                {
                    break
                }
                // A backgrounded `( … )` group is one command: from its `(` on.
                let start = groupStart(bytes, before: index, from: segmentStart, unquoted: unquoted) ?? segmentStart
                var streams = baseline
                apply(bytes[start..<index], unquoted: unquoted, to: &streams)
                let command = String(decoding: bytes[start..<index], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                if !command.isEmpty, streams.stdoutHeld || streams.stderrHeld {
                    let holds =
                        streams.stdoutHeld && streams.stderrHeld
                        ? "output" : streams.stdoutHeld ? "standard output" : "standard error"
                    found.append(Finding(line: line, column: index - lineStart + 1, command: command, holds: holds))
                }
                segmentStart = index + 1
            default:
                break
            }
            index += 1
        }
        return found
    }

    /// The index after the `))` that closes the arithmetic opened by the `((` at `start` (the
    /// script's end when it is not closed).
    private static func arithmeticEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 }
            if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return bytes.count
    }

    /// When the command before the `&` at `end` is a `( … )` group (its last unquoted byte before
    /// the redirections is `)`), the index of the group's `(`.
    private static func groupStart(_ bytes: [UInt8], before end: Int, from segmentStart: Int, unquoted: (Int) -> Bool)
        -> Int?
    {
        var close = -1
        var index = end - 1
        while index >= segmentStart {
            if bytes[index] == UInt8(ascii: ")"), unquoted(index) {
                close = index
                break
            }
            index -= 1
        }
        guard close >= 0 else { return nil }
        var depth = 0
        index = close
        while index >= 0 {
            if unquoted(index) {
                if bytes[index] == UInt8(ascii: ")") { depth += 1 }
                if bytes[index] == UInt8(ascii: "(") {
                    depth -= 1
                    if depth == 0 { return index }
                }
            }
            index -= 1
        }
        return nil
    }

    /// True when the script runs `wait` as a command (a word of its own, unquoted).
    private static func runsWait(_ bytes: [UInt8], unquoted: (Int) -> Bool) -> Bool {
        let word = Array("wait".utf8)
        var index = 0
        while index + word.count <= bytes.count {
            if bytes[index] == word[0], unquoted(index), Array(bytes[index..<index + word.count]) == word,
                isBoundary(bytes[safe: index - 1]), isBoundary(bytes[safe: index + word.count])
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// A segment that is `exec` with redirections changes where every later command writes.
    private static func applyExec(_ segment: ArraySlice<UInt8>, unquoted: (Int) -> Bool, to streams: inout Streams) {
        let text = String(decoding: segment, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("exec "), text.contains(">") else { return }
        apply(segment, unquoted: unquoted, to: &streams)
    }

    /// Follows the output redirections of one command, left to right.
    private static func apply(_ segment: ArraySlice<UInt8>, unquoted: (Int) -> Bool, to streams: inout Streams) {
        var index = segment.startIndex
        while index < segment.endIndex {
            guard segment[index] == UInt8(ascii: ">"), unquoted(index) else {
                index += 1
                continue
            }
            // Which descriptor: `&>` both, `N>` descriptor N (a digit standing alone), else 1.
            var descriptor = 1
            var both = false
            let previous = segment[safe: index - 1]
            if previous == UInt8(ascii: "&") {
                both = true
            } else if let digit = previous, (0x30...0x39).contains(digit), isBoundary(segment[safe: index - 2]) {
                descriptor = Int(digit - 0x30)
            }
            var target = index + 1
            if segment[safe: target] == UInt8(ascii: ">") || segment[safe: target] == UInt8(ascii: "|") { target += 1 }
            if !both, segment[safe: target] == UInt8(ascii: "&") {
                // `N>&M`, `N>&-`, or bash's `>&file` (both streams to the file).
                let duplicated = segment[safe: target + 1]
                switch duplicated {
                case UInt8(ascii: "1"): set(descriptor, held: streams.stdoutHeld, in: &streams)
                case UInt8(ascii: "2"): set(descriptor, held: streams.stderrHeld, in: &streams)
                case UInt8(ascii: "-"): set(descriptor, held: false, in: &streams)
                case let other? where (0x30...0x39).contains(other): set(descriptor, held: false, in: &streams)
                default:
                    if descriptor == 1 {
                        streams.stdoutHeld = false
                        streams.stderrHeld = false
                    }
                }
                index = target + 2
                continue
            }
            if both {
                streams.stdoutHeld = false
                streams.stderrHeld = false
            } else {
                set(descriptor, held: false, in: &streams)
            }
            index = target
        }
    }

    private static func set(_ descriptor: Int, held: Bool, in streams: inout Streams) {
        switch descriptor {
        case 1: streams.stdoutHeld = held
        case 2: streams.stderrHeld = held
        default: break
        }
    }

    /// Where a word ends: the script's edges, blanks and the bytes that end a command.
    private static func isBoundary(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }
}

extension Collection where Index == Int {
    /// The element at `index`, or nil outside the collection.
    fileprivate subscript(safe index: Int) -> Element? {
        index >= startIndex && index < endIndex ? self[index] : nil
    }
}
