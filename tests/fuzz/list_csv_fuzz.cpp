// Fuzz target: the emission-reduction list in CSV (engine::parse_list_csv against the Taiyuan
// plan). Same findings as list_json_fuzz: crash, exception, problem text that is not valid UTF-8,
// an accepted list whose canonical JSON does not serialize or does not read back to itself.
#include <cstdint>

#include "engine/enterprises/list_import.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"
#include "tests/fuzz/support/list_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace hazeguard;
    auto const& plan = fuzz::taiyuan_plan();
    auto const input = fuzz::as_text(data, size);
    fuzz::check_list_result("list CSV", input, engine::parse_list_csv(input, plan), plan);
    return 0;
}
