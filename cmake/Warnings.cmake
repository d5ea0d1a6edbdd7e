# Our warning set, attached to our own targets only (imported targets stay SYSTEM and quiet).
add_library(hg_warnings INTERFACE)
target_compile_options(hg_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
  # g++ 12 reports false positives for std::optional members inside std::variant at -O2 (clang
  # has no such warning and would warn about the unknown option).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)

option(HG_SANITIZE "Build with address and undefined-behaviour sanitizers" OFF)
if(HG_SANITIZE)
  target_compile_options(hg_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(hg_warnings INTERFACE -fsanitize=address,undefined)
endif()
