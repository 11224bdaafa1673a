import Foundation

/// Data several rules derive from the same document (tokenised paragraphs, statement lists), computed
/// once per lint run of that document instead of once per rule. One cache lives for one document.
public final class DerivedCache: @unchecked Sendable {
    private var storage: [String: Any] = [:]
    private let lock = NSLock()

    public init() {}

    /// The value stored under `key`, made by `make` the first time it is asked for.
    public func value<T>(_ key: String, make: () -> T) -> T {
        lock.lock()
        if let found = storage[key] as? T {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        storage[key] = made
        lock.unlock()
        return made
    }
}
