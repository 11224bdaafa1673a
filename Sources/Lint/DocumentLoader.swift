/// Reading and analysis in one call: what every command starts with.
public enum DocumentLoader {
    public static func load(path: String, limits: ReadLimits = .default,
                            analyzer: DocumentAnalyzer = DocumentAnalyzer()) throws(InputError) -> Document {
        analyzer.analyze(try DocumentReader.read(path: path, limits: limits))
    }
}
