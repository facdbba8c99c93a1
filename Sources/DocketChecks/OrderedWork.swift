import Foundation
import Synchronization

/// Runs independent pieces of work on up to `workers` threads and returns their results in the
/// order of the inputs, whatever order they finished in: a report made from them is the same
/// as a serial run's.
enum OrderedWork {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int,
        _ body: @Sendable (Input) -> Output
    ) -> [Output] {
        let queue = Queue<Output>(count: inputs.count)
        let threads = max(1, min(workers, inputs.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = queue.take() {
                queue.set(index, body(inputs[index]))
            }
        }
        return queue.values
    }

    /// The next input to take and the results so far, shared by the workers.
    private final class Queue<Output: Sendable>: Sendable {
        private let state: Mutex<(next: Int, results: [Output?])>

        init(count: Int) {
            state = Mutex((0, Array(repeating: nil, count: count)))
        }

        func take() -> Int? {
            state.withLock { state in
                guard state.next < state.results.count else { return nil }
                defer { state.next += 1 }
                return state.next
            }
        }

        func set(_ index: Int, _ value: sending Output) {
            state.withLock { $0.results[index] = value }
        }

        var values: [Output] {
            state.withLock { $0.results.map { $0! } }
        }
    }
}
