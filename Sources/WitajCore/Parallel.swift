import Dispatch

/// `map` on every core: for work items that share nothing (one language, one document).
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    // The results are copied out below: the buffer's own references go with it (a server making the site again
    // and again would keep every result of every build otherwise).
    defer {
        results.deinitialize()
        results.deallocate()
    }
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        slots[i] = transform(items[i])
    }
    return results.map { $0! }
}

/// Work started now on another core, its result taken later (`value` waits for it).
package final class Pending<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    package var value: T {
        done.wait()
        return result!
    }
}
