// Typed references (engine/domain/ref.hpp): written and read back, anything else refused.
#include <catch2/catch.hpp>

#include "engine/domain/ref.hpp"

using namespace hazeguard::engine;

TEST_CASE("a Ref is written as kind:id and read back", "[engine][ref]") {
    for (auto const& r : {Ref::forecast(1), Ref::proposal(3), Ref::directive(42), Ref::batch(9'000'000'000), Ref::episode(2), Ref::order(7),
                          Ref::warning()}) {
        auto const text = to_string(r);
        CAPTURE(text);
        CHECK(parse_ref(text) == r);
    }
    CHECK(to_string(Ref::proposal(3)) == "proposal:3");
    CHECK(to_string(Ref::batch(12)) == "batch:12");
    CHECK(to_string(Ref::warning()) == "warning");
}

TEST_CASE("text that is not a Ref is refused", "[engine][ref]") {
    for (char const* bad : {"", "proposal", "proposal:", "proposal:0", "proposal:-3", "proposal:3x", "proposal: 3",
                            "Proposal:3", "orders:3", "batch:99999999999999999999", "warnings", ":3"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_ref(bad));
    }
}
