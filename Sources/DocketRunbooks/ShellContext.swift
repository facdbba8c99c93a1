/// Where a byte of a shell script sits, as far as quoting goes: what decides how a parameter
/// reference has to be written there.
enum ShellContext: Equatable, Sendable {
    /// Outside quotes (also inside `$(…)` and backticks).
    case unquoted
    case singleQuoted
    case doubleQuoted
    /// `$'…'`: substitution is not supported there.
    case ansiQuoted
    case comment
    case heredoc(quoted: Bool)
    /// Quote characters, escapes, `$(`, heredoc delimiters: an example must not span them.
    case syntax

    /// Classifies every byte of `script`.
    static func classify(_ script: [UInt8]) -> [ShellContext] {
        var contexts = [ShellContext](repeating: .syntax, count: script.count)
        var lexer = Lexer(bytes: script)
        lexer.run(into: &contexts)
        return contexts
    }

    private struct Lexer {
        enum Frame: Equatable {
            case unquoted
            case single
            case double
            case ansi
            case commandSubstitution(depth: Int)
            case backtick
        }

        let bytes: [UInt8]
        var stack: [Frame] = [.unquoted]
        var pendingHeredocs: [(delimiter: [UInt8], quoted: Bool, stripTabs: Bool)] = []
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        private func byte(_ offset: Int) -> UInt8? {
            let j = i + offset
            return j < bytes.count ? bytes[j] : nil
        }

        private var atWordStart: Bool {
            guard i > 0 else { return true }
            let previous = bytes[i - 1]
            return previous == 0x20 || previous == 0x09 || previous == 0x0A || previous == 0x3B || previous == 0x26
                || previous == 0x7C || previous == 0x28
        }

        mutating func run(into contexts: inout [ShellContext]) {
            while i < bytes.count {
                let c = bytes[i]
                let frame = stack.last ?? .unquoted
                switch frame {
                case .single:
                    if c == 0x27 { stack.removeLast(); contexts[i] = .syntax } else { contexts[i] = .singleQuoted }
                    i += 1
                case .ansi:
                    if c == 0x5C {
                        contexts[i] = .syntax; if i + 1 < bytes.count { contexts[i + 1] = .syntax }; i += 2; continue
                    }
                    if c == 0x27 { stack.removeLast(); contexts[i] = .syntax } else { contexts[i] = .ansiQuoted }
                    i += 1
                case .double:
                    switch c {
                    case 0x22: stack.removeLast(); contexts[i] = .syntax; i += 1
                    case 0x5C: contexts[i] = .syntax; if i + 1 < bytes.count { contexts[i + 1] = .syntax }; i += 2
                    case 0x24 where byte(1) == 0x28 && byte(2) != 0x28:
                        contexts[i] = .syntax; contexts[i + 1] = .syntax; i += 2
                        stack.append(.commandSubstitution(depth: 1))
                    case 0x60: contexts[i] = .syntax; i += 1; stack.append(.backtick)
                    default: contexts[i] = .doubleQuoted; i += 1
                    }
                case .unquoted, .commandSubstitution, .backtick:
                    unquoted(c, frame: frame, contexts: &contexts)
                }
            }
        }

        private mutating func unquoted(_ c: UInt8, frame: Frame, contexts: inout [ShellContext]) {
            switch c {
            case 0x27: contexts[i] = .syntax; i += 1; stack.append(.single)
            case 0x22: contexts[i] = .syntax; i += 1; stack.append(.double)
            case 0x5C: contexts[i] = .syntax; if i + 1 < bytes.count { contexts[i + 1] = .syntax }; i += 2
            case 0x24 where byte(1) == 0x27:
                contexts[i] = .syntax; contexts[i + 1] = .syntax; i += 2; stack.append(.ansi)
            case 0x24 where byte(1) == 0x28 && byte(2) != 0x28:
                contexts[i] = .syntax; contexts[i + 1] = .syntax; i += 2
                stack.append(.commandSubstitution(depth: 1))
            case 0x28:
                if case .commandSubstitution(let depth) = frame {
                    stack[stack.count - 1] = .commandSubstitution(depth: depth + 1)
                }
                contexts[i] = .unquoted; i += 1
            case 0x29:
                if case .commandSubstitution(let depth) = frame {
                    if depth == 1 {
                        stack.removeLast(); contexts[i] = .syntax
                    } else {
                        stack[stack.count - 1] = .commandSubstitution(depth: depth - 1); contexts[i] = .unquoted
                    }
                } else {
                    contexts[i] = .unquoted
                }
                i += 1
            case 0x60:
                contexts[i] = .syntax; i += 1
                if frame == .backtick { stack.removeLast() } else { stack.append(.backtick) }
            case 0x23 where atWordStart:
                while i < bytes.count && bytes[i] != 0x0A { contexts[i] = .comment; i += 1 }
            case 0x3C where byte(1) == 0x3C && byte(2) != 0x3C:
                heredocOperator(contexts: &contexts)
            case 0x0A:
                contexts[i] = .unquoted; i += 1
                if !pendingHeredocs.isEmpty { heredocBodies(contexts: &contexts) }
            default:
                contexts[i] = .unquoted; i += 1
            }
        }

        /// `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"EOF"`, `<<\EOF`.
        private mutating func heredocOperator(contexts: inout [ShellContext]) {
            contexts[i] = .syntax; contexts[i + 1] = .syntax; i += 2
            var stripTabs = false
            if byte(0) == 0x2D { stripTabs = true; contexts[i] = .syntax; i += 1 }
            while let b = byte(0), b == 0x20 || b == 0x09 { contexts[i] = .unquoted; i += 1 }
            var delimiter: [UInt8] = []
            var quoted = false
            while let b = byte(0), b != 0x20, b != 0x09, b != 0x0A, b != 0x3B, b != 0x7C, b != 0x26, b != 0x3C,
                b != 0x3E, b != 0x29
            {
                if b == 0x27 || b == 0x22 || b == 0x5C {
                    quoted = true
                } else {
                    delimiter.append(b)
                }
                contexts[i] = .syntax
                i += 1
            }
            if !delimiter.isEmpty { pendingHeredocs.append((delimiter, quoted, stripTabs)) }
        }

        private mutating func heredocBodies(contexts: inout [ShellContext]) {
            for heredoc in pendingHeredocs {
                while i < bytes.count {
                    let lineEnd = bytes[i...].firstIndex(of: 0x0A) ?? bytes.count
                    var line = bytes[i..<lineEnd]
                    if heredoc.stripTabs { line = line.drop { $0 == 0x09 } }
                    if Array(line) == heredoc.delimiter {
                        for j in i..<lineEnd { contexts[j] = .syntax }
                        i = min(lineEnd + 1, bytes.count)
                        if lineEnd < bytes.count { contexts[lineEnd] = .syntax }
                        break
                    }
                    for j in i..<lineEnd { contexts[j] = .heredoc(quoted: heredoc.quoted) }
                    if lineEnd < bytes.count { contexts[lineEnd] = .heredoc(quoted: heredoc.quoted) }
                    i = lineEnd + 1
                }
            }
            pendingHeredocs.removeAll()
        }
    }
}
