#ifndef SPINDLE_PLUGIN_H
#define SPINDLE_PLUGIN_H

#include <stdint.h>

// The C interface between Spindle and annotator plugins loaded from shared libraries.
//
// Everything crosses as C strings of JSON (documents in the output contract's shape, options, layers), so
// a plugin needs no Swift ABI in common with the host: a plugin built against another Spindle version
// works as long as `abi_version` matches, and is refused with a clear message when it does not.
// A plugin exports one function, `spindle_plugin_entry`, returning a static description of itself.

#ifdef __cplusplus
extern "C" {
#endif

#define SPINDLE_PLUGIN_ABI_VERSION 1

typedef struct spindle_annotator_v1 {
    const char *name;
    const char *summary;
    const char *version;
    const char *requires;   // JSON list of layer names
    const char *provides;   // JSON list of layer names
    const char *defaults;   // JSON object: the default options
    const char *options;    // JSON object: every valid option key with one line of help
    const void *context;    // passed back to `create`
    // Makes an annotator from options (JSON object, defaults already applied). NULL and *error on failure.
    void *(*create)(const void *context, const char *options, char **error);
    // Annotates one document (JSON, the output contract) and returns a JSON object of the layers it adds.
    // Must be safe to call from several threads at once. NULL and *error on failure.
    char *(*annotate)(void *annotator, const char *document, char **error);
    void (*destroy)(void *annotator);
} spindle_annotator_v1;

typedef struct spindle_plugin_v1 {
    uint32_t abi_version;           // first, so any version can be read: SPINDLE_PLUGIN_ABI_VERSION
    const char *name;
    const char *version;
    const char *spindle_version;    // the Spindle the plugin was built against, for messages
    int32_t annotator_count;
    const spindle_annotator_v1 *annotators;
    void (*free_string)(char *);    // frees strings the plugin returned (results and errors)
} spindle_plugin_v1;

typedef const spindle_plugin_v1 *(*spindle_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif
