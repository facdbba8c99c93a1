import DocketSandbox
import Foundation

/// Secrets a runbook generated itself (`NEXTAUTH_SECRET=$(openssl rand -hex 32)` written into a
/// `.env`), found in the files a run left so that reports mask them like declared secrets.
///
/// A value counts when it sits on a dotenv-style line (`KEY=VALUE`, `export KEY="VALUE"`) of a
/// file in the run's home or working tree, its key names a secret (see `isSecretName`), it is
/// at least `minimumLength` characters long (masking `1` or `yes` everywhere would ruin a report
/// and hide nothing), it is not a shell expression or a `<placeholder>` (those are the evidence
/// of a broken guide, not secrets), and the fixture's own starting trees do not hold it (the
/// fixture author wrote those values in the open).
enum GeneratedSecrets {
    static let minimumLength = 6

    /// Files read at most: their size each, their number, their total size. A run can leave
    /// anything behind; the search stays cheap whatever it left.
    static let fileLimit = 1 << 20
    static let fileCount = 20_000
    static let totalLimit = 64 << 20

    /// The secret values in `trees` (after the run) that `startTrees` (the fixture's) lack.
    static func find(in trees: [URL], excluding startTrees: [URL]) -> Set<String> {
        let found = values(in: trees)
        return found.subtracting(values(in: startTrees))
    }

    /// Secret values on dotenv lines of every file beneath `trees`, read through `SandboxFile`.
    static func values(in trees: [URL]) -> Set<String> {
        var values: Set<String> = []
        var budget = totalLimit
        for root in trees {
            guard let tree = try? SandboxFileTree.list(beneath: root, limit: fileCount) else { continue }
            for entry in tree.entries where entry.kind == .file && entry.size <= fileLimit && entry.size <= budget {
                guard let file = try? SandboxFile.read(entry.path, beneath: root, limit: fileLimit) else { continue }
                budget -= file.contents.count
                values.formUnion(secretValues(in: file.text))
            }
        }
        return values
    }

    /// The values of secret-named keys on the dotenv-style lines of `text`.
    static func secretValues(in text: String) -> [String] {
        var values: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("export ") { line = line.dropFirst(7).drop { $0 == " " } }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                isSecretName(key)
            else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if value.count < minimumLength || value.contains("$(") || value.contains("${") || value.contains("`")
                || (value.hasPrefix("<") && value.hasSuffix(">"))
            {
                continue
            }
            values.append(value)
        }
        return values
    }

    /// Key names that hold secrets: any containing SECRET, PASSWORD, PASSWD, PRIVATE_KEY or
    /// API_KEY, and those whose last word is PASS, PWD, TOKEN or a qualified KEY (ACCESS_KEY,
    /// SIGNING_KEY, ENCRYPTION_KEY…). `AUTHENTIK_REFRESH_TOKEN_URL` (a URL) and
    /// `AUTH_JWT_PUBLIC_KEY` (a file name) are not secrets.
    static func isSecretName(_ key: String) -> Bool {
        let name = key.uppercased()
        if ["SECRET", "PASSWORD", "PASSWD", "PRIVATE_KEY", "API_KEY", "APIKEY"].contains(where: name.contains) {
            return true
        }
        let words = name.split(separator: "_")
        guard let last = words.last else { return false }
        if ["PASS", "PWD", "TOKEN", "CREDENTIALS"].contains(last) { return true }
        if last == "KEY", words.count >= 2,
            ["ACCESS", "SIGNING", "ENCRYPTION", "MASTER", "AUTH", "SESSION", "LICENSE"].contains(words[words.count - 2])
        {
            return true
        }
        return false
    }
}
