import Foundation

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
        // A thread of its own, not Dispatch's shared pool: whoever waits for it may hold one of the pool's few
        // threads (a step of `parallelMap`, a preview server's answer), and the work must not queue behind it.
        let thread = Thread {
            self.result = work()
            self.done.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    package var value: T {
        done.wait()
        return result!
    }
}

/// Work done when its result is first asked for, by whichever thread asks first (the others wait for it), and
/// once: the preview server makes a page when a browser asks for it, not when the site is made again. The work is
/// kept, to be done again (`renewed`) when what it reads changed (the theme's templates).
package final class Later<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let work: (@Sendable () -> T)?
    private var result: T?

    package init(_ work: @escaping @Sendable () -> T) {
        self.work = work
    }

    /// Already done.
    package init(done result: T) {
        work = nil
        self.result = result
    }

    package var value: T {
        lock.withLock {
            if let result { return result }
            let made = work!()
            result = made
            return made
        }
    }

    /// The same work, not done yet; itself when there is no work to do again.
    package func renewed() -> Later {
        work.map { Later($0) } ?? self
    }
}
