import Foundation
import PackagePlugin

/// Compiles the files under a target's `Resources/` (witaj's default theme and schema) into it, as the Swift source
/// `EmbeddedResources.swift` that witaj-embed writes: the binary needs nothing beside it at run time. The command
/// runs again when a file there changes, appears or goes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else { return [] }
        let folder = target.directoryURL.appendingPathComponent("Resources")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResources.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                       options: [.skipsHiddenFiles]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [.buildCommand(displayName: "Embedding the \(inputs.count) files of Resources/ into \(target.name)",
                              executable: try context.tool(named: "witaj-embed").url,
                              arguments: ["resources", folder.path, output.path],
                              inputFiles: inputs.sorted { $0.path < $1.path }, outputFiles: [output])]
    }
}
