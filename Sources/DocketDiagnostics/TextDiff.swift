/// A unified diff of two texts (runbook drift, file expectations). Longest common subsequence on
/// lines: the texts compared are a few hundred lines, so the quadratic table is small.
public enum TextDiff {
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let n = a.count, m = b.count
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Op { case same(Int, Int), delete(Int), insert(Int) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] { ops.append(.same(i, j)); i += 1; j += 1 }
            else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) { ops.append(.insert(j)); j += 1 }
            else { ops.append(.delete(i)); i += 1 }
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < ops.count {
            guard let start = ops[index...].firstIndex(where: { if case .same = $0 { return false }; return true }) else { break }
            var end = start
            while end < ops.count {
                if case .same = ops[end] {
                    let run = ops[end...].prefix { if case .same = $0 { return true }; return false }.count
                    if run > context * 2 || end + run == ops.count { break }
                    end += run
                } else {
                    end += 1
                }
            }
            let from = max(index, start - context), to = min(ops.count, end + context)
            var oldStart = 0, newStart = 0
            switch ops[from] {
            case .same(let x, let y): oldStart = x; newStart = y
            case .delete(let x): oldStart = x; newStart = ops[..<from].reduce(0) { if case .insert = $1 { return $0 + 1 }; if case .same = $1 { return $0 + 1 }; return $0 }
            case .insert(let y): newStart = y; oldStart = ops[..<from].reduce(0) { if case .delete = $1 { return $0 + 1 }; if case .same = $1 { return $0 + 1 }; return $0 }
            }
            out += "@@ -\(oldStart + 1) +\(newStart + 1) @@\n"
            for op in ops[from..<to] {
                switch op {
                case .same(let x, _): out += " \(a[x])\n"
                case .delete(let x): out += "-\(a[x])\n"
                case .insert(let y): out += "+\(b[y])\n"
                }
            }
            index = to
        }
        return out
    }
}
