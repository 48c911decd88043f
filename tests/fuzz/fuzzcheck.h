#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant of the code under test. Aborts, so libFuzzer keeps the input
// as a crash and the replay test of the normal build fails on it, with or
// without sanitizers (assert() would vanish in a release build).
#define FUZZ_CHECK(condition) \
    do { \
        if (!(condition)) { \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort(); \
        } \
    } while (false)
