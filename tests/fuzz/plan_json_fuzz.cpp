// Fuzz target: a plan document (plans::parse_plan, `hazeguard plan check FILE`). A finding: a crash
// or sanitizer report, an exception (parse_plan never throws), or a problem text that is not valid
// UTF-8 or quotes "[json.exception".
#include <cstdint>

#include "plans/plan_parser.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace hazeguard;
    auto const input = fuzz::as_text(data, size);
    auto const parsed = plans::parse_plan(input);
    for (auto const& p : parsed.problems) {
        fuzz::check_client_text("plan problem pointer", p.pointer, input);
        fuzz::check_client_text("plan problem message", p.message, input);
    }
    return 0;
}
