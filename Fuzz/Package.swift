// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the parsers that read what users and other systems send: CSV import,
// Japanese dates, solver instances, form values. A package of its own so that its sanitizer
// flags never reach the main build, and so that building it compiles the domain but not the
// app (Vapor). Build and run with `Fuzz/run.sh`.
let package = Package(
    name: "JibungotoFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "jibungoto", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "CSVImportFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto")]
        ),
        .executableTarget(
            name: "JapaneseDateFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto")]
        ),
        .executableTarget(
            name: "InstanceFuzzer",
            dependencies: ["FuzzSupport", .product(name: "RotationSolver", package: "jibungoto")]
        ),
        .executableTarget(
            name: "FormFieldFuzzer",
            dependencies: ["FuzzSupport", .product(name: "JibungotoDomain", package: "jibungoto")]
        ),
    ]
)
