// Fuzz target: observed air quality as CSV from the monitoring network
// (engine::parse_observation_csv, the body of `hazeguard observations import`). A finding: a crash
// or sanitizer report, an exception, an error line that is not valid UTF-8 or quotes
// "[json.exception", a body that does not serialize or holds a non-finite number, or body entries
// and line numbers that differ in count.
#include <cstdint>

#include "engine/observations/observation_csv.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace hazeguard;
    auto const input = fuzz::as_text(data, size);
    auto const parsed = engine::parse_observation_csv(input, "+08:00");
    for (auto const& e : parsed.errors) fuzz::check_client_text("observation CSV error", e, input);
    fuzz::check_dumps("observation CSV body", parsed.body);
    fuzz::check_finite("observation CSV body", parsed.body);
    if (parsed.errors.empty()) {
        if (!parsed.body.is_object() || !parsed.body.contains("observations") || !parsed.body["observations"].is_array())
            fuzz::finding("observation CSV: no errors but no observations array", parsed.body.dump());
        auto const& entries = parsed.body["observations"];
        if (entries.size() != parsed.lines.size())
            fuzz::finding("observation CSV: " + std::to_string(entries.size()) + " entries but " +
                          std::to_string(parsed.lines.size()) + " line numbers");
    }
    return 0;
}
