#ifndef SPINDLE_ICU_SHIM_H
#define SPINDLE_ICU_SHIM_H

#include <stdint.h>

// Unversioned wrappers around ICU's break iterator. ICU renames its C symbols per release
// (ubrk_open_72, ubrk_open_74, ...), so Swift calls these stable names instead.

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    SPINDLE_BREAK_WORD = 0,
    SPINDLE_BREAK_SENTENCE = 1
} spindle_break_kind;

/// Opens a break iterator for `locale` (e.g. "en", "en@ss=standard"). Returns NULL and sets `*error`
/// (an ICU UErrorCode value) on failure.
void *spindle_break_open(spindle_break_kind kind, const char *locale, int32_t *error);

/// A copy of `prototype` that may be used on another thread. Cheaper than opening a new one.
void *spindle_break_clone(const void *prototype, int32_t *error);

void spindle_break_close(void *iterator);

/// Runs `iterator` over `text` (UTF-16) and writes up to `capacity` boundaries (UTF-16 offsets, the
/// first one 0 excluded) and their rule statuses. Returns the number written; when it equals `capacity`
/// call `spindle_break_continue` to get more.
int32_t spindle_break_run(void *iterator, const uint16_t *text, int32_t length,
                          int32_t *boundaries, int32_t *statuses, int32_t capacity, int32_t *error);

/// Continues after `spindle_break_run` filled its buffers.
int32_t spindle_break_continue(void *iterator, int32_t *boundaries, int32_t *statuses, int32_t capacity);

/// The ICU version string, e.g. "72.1".
const char *spindle_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
