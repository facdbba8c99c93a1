import Foundation
import Testing

/// One secret inside another: masking the shorter first would turn `k3y-tail9` into
/// `********-tail9`, and the rest of the longer secret would reach the terminal and the log.
@Suite struct SecretOverlapTests {
    static let page = """
        ---
        runbook:
          id: overlap
          title: Overlap
          params:
            SHORT: { example: short-example, secret: true, description: Listed first and shorter }
            LONG: { example: long-example, secret: true, description: Holds the short one }
        ---

        ```bash step=show
        echo "long is long-example"
        echo "short is short-example"
        ```
        """

    @Test func aSecretHoldingAnotherIsMaskedWhole() throws {
        let box = try ScriptHarness(page: Self.page, id: "overlap")
        let run = try box.run(["--param", "SHORT=k3y", "--param", "LONG=k3y-tail9", "--yes"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("long is ********\n"), "\(run.output)")
        #expect(run.output.contains("short is ********\n"), "\(run.output)")
        #expect(!run.output.contains("tail9"), "\(run.output)")
        let log = try #require(
            try? String(contentsOf: box.home.appendingPathComponent(".local/state/docket/overlap.log"), encoding: .utf8)
        )
        #expect(log.contains("long is ********\n"), "\(log)")
        #expect(!log.contains("tail9"), "\(log)")
    }
}
