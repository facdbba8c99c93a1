/// A unified diff of two texts (runbook drift, file expectations, idempotence).
///
/// The lines are compared with the standard library's `difference(from:)` (Myers): memory grows
/// with the number of changed lines, not with the product of the two lengths, so a 10,000-line
/// expected file with a few changed lines costs kilobytes (a table of every line pair cost
/// 400 MB). Time grows with the lengths times the changes; texts with nothing in common are
/// shown as one replacement without searching.
public enum TextDiff {
    /// One line of the diff, with where it stands in the old and the new text.
    struct Line: Equatable {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// Index in the old text of this line, or of the next old line for an insertion.
        var old: Int
        /// Index in the new text of this line, or of the next new line for a deletion.
        var new: Int
    }

    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = script(from: a, to: b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < lines.count {
            guard let start = lines[index...].firstIndex(where: { $0.kind != .same }) else { break }
            // A hunk runs on while the unchanged stretches inside it are short enough to show.
            var end = start
            while end < lines.count {
                if lines[end].kind == .same {
                    let run = lines[end...].prefix { $0.kind == .same }.count
                    if run > context * 2 || end + run == lines.count { break }
                    end += run
                } else {
                    end += 1
                }
            }
            let from = max(index, start - context), to = min(lines.count, end + context)
            out += "@@ -\(lines[from].old + 1) +\(lines[from].new + 1) @@\n"
            for line in lines[from..<to] {
                switch line.kind {
                case .same: out += " \(a[line.old])\n"
                case .delete: out += "-\(a[line.old])\n"
                case .insert: out += "+\(b[line.new])\n"
                }
            }
            index = to
        }
        return out
    }

    /// The edit script from `a` to `b`, every line of both in order: deletions before insertions
    /// where both happen at one place, as `diff -u` prints them.
    static func script<T: Hashable>(from a: [T], to b: [T]) -> [Line] {
        var removed = Set<Int>(), inserted = Set<Int>()
        if sharesNothing(a, b) {
            removed = Set(a.indices)
            inserted = Set(b.indices)
        } else {
            for change in b.difference(from: a) {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
        }
        var lines: [Line] = []
        lines.reserveCapacity(a.count + inserted.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && removed.contains(i) {
                lines.append(Line(kind: .delete, old: i, new: j)); i += 1
            } else if j < b.count && inserted.contains(j) {
                lines.append(Line(kind: .insert, old: i, new: j)); j += 1
            } else {
                lines.append(Line(kind: .same, old: i, new: j)); i += 1; j += 1
            }
        }
        return lines
    }

    /// True when no line of `a` is in `b`: Myers would search the whole square for nothing.
    static func sharesNothing<T: Hashable>(_ a: [T], _ b: [T]) -> Bool {
        let old = Set(a)
        return !b.contains { old.contains($0) }
    }
}
