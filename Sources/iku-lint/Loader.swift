import Dispatch
import Foundation
import Lint

/// Reads and analyses files in parallel; results come back in the order of the paths given.
enum Loader {
    static func loadAll(_ paths: [String]) -> [Result<Document, InputError>] {
        let results = ResultBox(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.set(index, Result { () throws(InputError) -> Document in
                try DocumentLoader.load(path: paths[index])
            })
        }
        return results.values
    }
}

/// Collects results written from concurrent iterations, one slot each.
private final class ResultBox: @unchecked Sendable {
    private var slots: [Result<Document, InputError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Document, InputError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<Document, InputError>] {
        slots.map { $0 ?? .failure(.unreadable(reason: "not processed")) }
    }
}

enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
