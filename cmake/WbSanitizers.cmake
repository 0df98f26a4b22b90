# Sanitizer and fuzzing builds (issue 13). Everything compiled in the build gets the flags, so
# that core, the CLI and their tests are instrumented alike; prebuilt libraries (LibTorch, Qt,
# OpenBLAS) are not, and tests/sanitizers/ holds the suppressions for what they do inside.
if(WB_SANITIZE STREQUAL "address")
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
elseif(WB_SANITIZE STREQUAL "thread")
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
elseif(NOT WB_SANITIZE STREQUAL "")
    message(FATAL_ERROR "WB_SANITIZE must be '', 'address' or 'thread' (got '${WB_SANITIZE}')")
endif()
if(WB_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "WB_BUILD_FUZZERS needs clang (libFuzzer): configure with "
                            "CC=clang CXX=clang++, as scripts/fuzz.sh does")
    endif()
    # Coverage feedback for the code under test; the targets link libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
