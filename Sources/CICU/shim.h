#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/uversion.h>
