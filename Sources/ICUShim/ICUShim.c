#include "ICUShim.h"

#include <unicode/ubrk.h>
#include <unicode/uversion.h>
#include <stdio.h>

void *spindle_break_open(spindle_break_kind kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == SPINDLE_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) {
        if (it) ubrk_close(it);
        return NULL;
    }
    return it;
}

void *spindle_break_clone(const void *prototype, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone((const UBreakIterator *)prototype, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) {
        if (it) ubrk_close(it);
        return NULL;
    }
    return it;
}

void spindle_break_close(void *iterator) {
    if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t spindle_break_continue(void *iterator, int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UBreakIterator *it = (UBreakIterator *)iterator;
    int32_t n = 0;
    while (n < capacity) {
        int32_t b = ubrk_next(it);
        if (b == UBRK_DONE) break;
        boundaries[n] = b;
        if (statuses) statuses[n] = ubrk_getRuleStatus(it);
        n++;
    }
    return n;
}

int32_t spindle_break_run(void *iterator, const uint16_t *text, int32_t length,
                          int32_t *boundaries, int32_t *statuses, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = (UBreakIterator *)iterator;
    ubrk_setText(it, (const UChar *)text, length, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) return 0;
    ubrk_first(it);
    return spindle_break_continue(iterator, boundaries, statuses, capacity);
}

const char *spindle_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}
