// glibc's heap tuning (mallopt), on Linux.
#if defined(__linux__)
#include <malloc.h>
#endif
