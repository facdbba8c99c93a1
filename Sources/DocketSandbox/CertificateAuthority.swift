import Foundation

/// A certificate authority made for one run (with openssl), and a server certificate for the
/// fixture's host names signed by it. The sandbox trusts only this CA.
enum CertificateAuthority {
    static func make(hosts: [String], in folder: URL) throws(SandboxError) {
        let names = (hosts.map { "DNS:\($0)" } + ["DNS:localhost", "IP:127.0.0.1"]).joined(separator: ",")
        do {
            try "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
                .write(to: folder.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        } catch {
            throw .setup("\(error)")
        }
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Executables.run(["openssl", "req", "-x509"] + curve + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                             "-subj", "/CN=docket fixture CA", "-addext", "basicConstraints=critical,CA:TRUE",
                             "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: folder)
        try Executables.run(["openssl", "req"] + curve + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=docket fixture server"], in: folder)
        try Executables.run(["openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                             "-out", "server.pem", "-days", "2", "-extfile", "server.ext"], in: folder)
    }
}
