import Foundation
import Testing

/// Builds the example plugin in examples/external-plugin as its own package, loads it into `spindle`
/// at run time, and checks that broken or foreign libraries are refused with a clear message.
@Suite(.serialized) struct SharedLibraryPluginTests {
    @Test(.timeLimit(.minutes(15))) func anExternallyBuiltPluginRunsInAPipeline() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (example, products) = try buildExample("external-plugin", in: folder)
        let library = products.appendingPathComponent("libHandleTagger.so").path
        try #require(FileManager.default.fileExists(atPath: library))

        let story = example.appendingPathComponent("story.txt").path
        let pipeline = example.appendingPathComponent("handles.yaml").path
        let result = try CLI.run(["annotate", "-q", "--plugin", library, "--pipeline", pipeline, story])
        #expect(result.status == 0, "\(result.stderr)")
        let handles = result.lines.first?["handles"] as? [[String: Any]]
        #expect(handles?.compactMap { $0["text"] as? String } == ["@calderport", "#BridgeVote"])
        #expect(handles?.compactMap { $0["kind"] as? String } == ["handle", "hashtag"])

        // The same library named in the pipeline file instead of on the command line.
        let withPlugins = folder.appendingPathComponent("with-plugins.yaml")
        try "plugins: [\(library)]\nannotators:\n  - tokenize\n  - handles:\n      hashtags: false\n"
            .write(to: withPlugins, atomically: true, encoding: .utf8)
        let fromFile = try CLI.run(["annotate", "-q", "--pipeline", withPlugins.path, story])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect((fromFile.lines.first?["handles"] as? [[String: Any]])?.count == 1)

        let listed = try CLI.run(["annotators", "--plugin", library])
        #expect(listed.stdout.contains("from:     shared library (\(library))"))
    }

    @Test func incompatibleAndForeignLibrariesAreRefused() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A library that claims a plugin interface this spindle does not speak.
        try """
        #include <stdint.h>
        struct future_plugin { uint32_t abi_version; const char *name; };
        static const struct future_plugin plugin = { 99, "from-the-future" };
        const void *spindle_plugin_entry(void) { return &plugin; }
        """.write(to: folder.appendingPathComponent("future.c"), atomically: true, encoding: .utf8)
        try "int not_a_plugin(void) { return 1; }\n".write(to: folder.appendingPathComponent("foreign.c"), atomically: true, encoding: .utf8)
        let compiled = try shell("cc -shared -fPIC -o libfuture.so future.c && cc -shared -fPIC -o libforeign.so foreign.c", in: folder)
        try #require(compiled.status == 0, "\(compiled.output)")

        var result = try CLI.run(["annotate", "--plugin", folder.appendingPathComponent("libfuture.so").path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("speaks plugin interface 99"))
        #expect(result.stderr.contains("rebuild the plugin against this Spindle"))

        result = try CLI.run(["annotate", "--plugin", folder.appendingPathComponent("libforeign.so").path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a Spindle plugin"))

        result = try CLI.run(["annotate", "--plugin", "/no/such/libplugin.so", "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot load plugin /no/such/libplugin.so: no such file"))

        try "not an ELF file".write(to: folder.appendingPathComponent("libjunk.so"), atomically: true, encoding: .utf8)
        result = try CLI.run(["annotate", "--plugin", folder.appendingPathComponent("libjunk.so").path, "samples/articles.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot load plugin"))
    }

    /// Issue 19.4: a plugin path without `/` was checked in the current folder but `dlopen` searched the
    /// system library path for it (loading whatever library has that name); a truncated library crashed
    /// the process with SIGBUS.
    @Test func theCheckedFileIsTheOneLoadedAndATruncatedOneIsRefused() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        #include <stdint.h>
        struct future_plugin { uint32_t abi_version; const char *name; };
        static const struct future_plugin plugin = { 99, "from-the-future" };
        static char padding[1 << 16] = { 1 };
        const void *spindle_plugin_entry(void) { return padding[0] ? &plugin : 0; }
        """.write(to: folder.appendingPathComponent("future.c"), atomically: true, encoding: .utf8)
        // The plugin under the name of a system library: a bare name must load this file, not the system's.
        let compiled = try shell("cc -shared -fPIC -o libc.so.6 future.c && head -c 9000 libc.so.6 > libcut.so", in: folder)
        try #require(compiled.status == 0, "\(compiled.output)")
        let input = CLI.repository.appendingPathComponent("samples/articles.jsonl").path
        var result = try CLI.run(["annotate", "--plugin", "libc.so.6", input], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("plugin libc.so.6 speaks plugin interface 99"), "\(result.stderr)")

        result = try CLI.run(["annotate", "--plugin", "libcut.so", input], in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cannot load plugin libcut.so: the file is truncated or damaged"), "\(result.stderr)")

        result = try CLI.run(["annotate", "--plugin", "libnothere.so", input], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot load plugin libnothere.so: no such file"), "\(result.stderr)")
    }
}
