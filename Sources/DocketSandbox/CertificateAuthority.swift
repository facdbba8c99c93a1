import Foundation
import Synchronization

/// A certificate authority made with openssl, and a server certificate for the fixture's host
/// names signed by it. The sandbox trusts only this CA.
///
/// One docket process (one `docket check`) makes them once per set of host names and hands the
/// same files to every sandbox that asks: `--mutate` starts a sandbox per mutant, and three
/// openssl runs each time were a measurable part of a mutant's cost. The CA's private key never
/// enters a sandbox (nothing there signs); it is deleted as soon as the server certificate is
/// signed. The server's key does go in (the fixture server inside needs it), as it did when
/// every run had its own.
enum CertificateAuthority {
    /// What a sandbox's `tls/` folder holds: the CA certificate, the server's certificate and key.
    struct Files: Sendable {
        var caCertificate: Data
        var serverCertificate: Data
        var serverKey: Data
    }

    /// Writes `ca.pem`, `server.pem` and `server.key` (mode 0600) into `folder`, making them
    /// first if this process has none for these host names yet.
    static func make(hosts: [String], in folder: URL, openssl: URL?) throws(SandboxError) {
        let files = try cached(hosts: hosts, openssl: openssl)
        do {
            try files.caCertificate.write(to: folder.appendingPathComponent("ca.pem"))
            try files.serverCertificate.write(to: folder.appendingPathComponent("server.pem"))
            try SandboxLayout.writePrivate(files.serverKey, to: folder.appendingPathComponent("server.key"))
        } catch let error as SandboxError {
            throw error
        } catch {
            throw .setup("cannot write the fixture's certificates into \(folder.path): \(error)")
        }
    }

    /// The files for these host names, made once per process. Made under the lock: two
    /// sandboxes starting together for the same fixture wait for one CA rather than make two.
    static func cached(hosts: [String], openssl: URL?) throws(SandboxError) -> Files {
        let key = Set(hosts.map { $0.lowercased() }).sorted().joined(separator: " ")
        return try store.withLock { (files: inout [String: Files]) throws(SandboxError) -> Files in
            if let made = files[key] { return made }
            guard let openssl else { throw SandboxError.toolMissing(SandboxTools.opensslName) }
            let made = try generate(hosts: hosts, openssl: openssl)
            files[key] = made
            return made
        }
    }

    /// Makes the CA and the server certificate in a private temporary folder, reads what the
    /// sandboxes need, and removes the folder (with the CA's key).
    static func generate(hosts: [String], openssl: URL) throws(SandboxError) -> Files {
        var template = Array(
            FileManager.default.temporaryDirectory.appendingPathComponent("docket-ca-XXXXXXXX").path.utf8CString)
        guard mkdtemp(&template) != nil else {
            throw .setup(
                "cannot make a folder in \(FileManager.default.temporaryDirectory.path): \(String(cString: strerror(errno)))"
            )
        }
        let folder = URL(
            fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = (hosts.map { "DNS:\($0)" } + ["DNS:localhost", "IP:127.0.0.1"]).joined(separator: ",")
        do {
            try
                "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
                .write(to: folder.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        } catch {
            throw .setup("\(error)")
        }
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Executables.run(
            openssl,
            ["req", "-x509"] + curve + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=docket fixture CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ], in: folder)
        try Executables.run(
            openssl,
            ["req"] + curve + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=docket fixture server"],
            in: folder)
        try Executables.run(
            openssl,
            [
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
            ], in: folder)
        do {
            return Files(
                caCertificate: try Data(contentsOf: folder.appendingPathComponent("ca.pem")),
                serverCertificate: try Data(contentsOf: folder.appendingPathComponent("server.pem")),
                serverKey: try Data(contentsOf: folder.appendingPathComponent("server.key")))
        } catch {
            throw .setup("openssl left no certificate in \(folder.path): \(error)")
        }
    }

    /// The files made so far, by host names.
    private static let store = Mutex<[String: Files]>([:])
}
