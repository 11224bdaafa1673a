/// Reading and analysis in one call: what every command starts with.
public enum DocumentLoader {
    public static func load(path: String, limits: ReadLimits = .default) throws(InputError) -> Document {
        let document = try DocumentReader.read(path: path, limits: limits)
        return document
    }
}
