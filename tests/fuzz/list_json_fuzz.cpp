// Fuzz target: the emission-reduction list in JSON (engine::parse_list_json against the Taiyuan
// plan). A finding: a crash or sanitizer report, an exception, a problem text that is not valid
// UTF-8 or quotes "[json.exception", or an accepted list whose canonical form does not serialize or
// does not read back to itself (docs/list-format.md: to_json(parse(to_json(x))) == to_json(x)).
#include <cstdint>

#include "engine/enterprises/list_import.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"
#include "tests/fuzz/support/list_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace hazeguard;
    auto const& plan = fuzz::taiyuan_plan();
    auto const input = fuzz::as_text(data, size);
    fuzz::check_list_result("list JSON", input, engine::parse_list_json(input, plan), plan);
    return 0;
}
