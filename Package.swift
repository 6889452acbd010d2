// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "feedpub",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "feedpub", targets: ["feedpub"]),
        .executable(name: "feedpub-corpus", targets: ["feedpub-corpus"]),
        .library(name: "FeedpubCore", targets: ["FeedpubCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(name: "CHeap"),
        .target(
            name: "FeedpubCore",
            dependencies: ["CLibXML2", "CHeap"]
        ),
        .target(
            name: "FeedpubServer",
            dependencies: [
                "FeedpubCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "FeedpubCorpus"),
        .executableTarget(
            name: "feedpub",
            dependencies: [
                "FeedpubCore",
                "FeedpubServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "feedpub-corpus",
            dependencies: [
                "FeedpubCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FeedpubCoreTests",
            dependencies: [
                "FeedpubCore", "FeedpubCorpus", "FeedpubServer",
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ]
)
