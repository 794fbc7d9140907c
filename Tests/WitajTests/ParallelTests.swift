import Foundation
import Testing
import WitajCore

/// `parallelMap` hands back its results and keeps none: the preview server makes the site again after every edit,
/// for hours, and each result kept would be memory never given back (it kept 20 MB per rebuild of a large site).
@Suite struct ParallelTests {
    final class Counted: @unchecked Sendable {
        nonisolated(unsafe) static var alive = 0
        static let lock = NSLock()
        init() { Self.lock.withLock { Self.alive += 1 } }
        deinit { Self.lock.withLock { Self.alive -= 1 } }
    }

    @Test func resultsAreNotKeptOnceTheirArrayIsGone() {
        do {
            let results = parallelMap(Array(0..<64)) { _ in Counted() }
            #expect(results.count == 64 && Counted.alive == 64)
        }
        #expect(Counted.alive == 0)
    }
}
