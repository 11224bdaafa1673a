// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "iku-lint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "iku-lint", targets: ["iku-lint"]),
        .library(name: "Lint", targets: ["Lint"]),
        .library(name: "Rules", targets: ["Rules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries: XML is parsed by libxml2, zip entries are inflated by zlib.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Turns rulesets/*.yml into Swift string literals so the defaults live inside the binary.
        .executableTarget(name: "embed-rulesets"),
        .plugin(name: "EmbedRulesets", capability: .buildTool(), dependencies: ["embed-rulesets"]),
        .target(
            name: "Lint",
            dependencies: ["CLibXML2", "CZlib", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRulesets"]
        ),
        .target(name: "Rules", dependencies: ["Lint"]),
        .executableTarget(
            name: "iku-lint",
            dependencies: ["Lint", "Rules", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Rules"]),
    ],
    swiftLanguageModes: [.v6]
)
