// The roster of notice recipients (plans/roster.*, docs/roster-format.md): the example beside the
// plan fits the plan; what a recipient must say, and a round trip through to_json.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plans/roster.hpp"
#include "tests/unit/plans/plan_test_support.hpp"

namespace hazeguard::plans::test {
namespace {

json example_roster() {
    std::ifstream in(std::filesystem::path(HG_SOURCE_DIR) / "plans" / "rosters" / "taiyuan-sample.json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

}  // namespace

TEST_CASE("the example roster names every district of the plan and texts no one", "[plans][roster]") {
    auto parsed = parse_roster(example_roster(), taiyuan().districts);
    REQUIRE(std::holds_alternative<Roster>(parsed));
    auto const& roster = std::get<Roster>(parsed);
    CHECK(roster.sample);
    for (auto const& district : taiyuan().districts) {
        INFO(district);
        CHECK(std::any_of(roster.recipients.begin(), roster.recipients.end(), [&](RosterRecipient const& r) {
            return r.district == district && r.notices && r.escalations;
        }));
    }
    for (auto const& r : roster.recipients)
        for (auto const& c : r.contacts) CHECK(c.mobile.empty());
    // Its canonical form reads back the same.
    auto again = parse_roster(to_json(roster), taiyuan().districts);
    REQUIRE(std::holds_alternative<Roster>(again));
    CHECK(to_json(std::get<Roster>(again)) == to_json(roster));
}

TEST_CASE("a roster recipient is checked field by field, every fault with its pointer", "[plans][roster]") {
    json doc = {{"title", "名单"},
                {"recipients", {{{"id", "dup"}, {"name", "甲"}, {"kind", "department"}, {"receives", {"notices"}}},
                                {{"id", "dup"}, {"name", "乙"}, {"kind", "park"}, {"receives", json::array()}},
                                {{"id", "ok"}, {"name", "丙"}, {"kind", "department"}, {"receives", {"notices"}},
                                 {"contacts", {{{"name", "张"}, {"mobile", "13912345678"}, {"phone", "0351-1"}},
                                               {{"title", "x"}, {"mobile", "23912345678"}}}}}}}};
    auto parsed = parse_roster(doc, taiyuan().districts);
    REQUIRE(std::holds_alternative<std::vector<RosterProblem>>(parsed));
    std::vector<std::string> pointers;
    for (auto const& p : std::get<std::vector<RosterProblem>>(parsed)) pointers.push_back(p.pointer);
    CHECK(pointers == std::vector<std::string>{"/recipients/1/id", "/recipients/1/district", "/recipients/1/receives",
                                               "/recipients/2/contacts/1/name", "/recipients/2/contacts/1/mobile"});
    CHECK(std::holds_alternative<std::vector<RosterProblem>>(parse_roster(json::array(), taiyuan().districts)));
    CHECK(is_mainland_mobile("13912345678"));
    CHECK_FALSE(is_mainland_mobile("12912345678"));
    CHECK_FALSE(is_mainland_mobile("1391234567"));
}

}  // namespace hazeguard::plans::test
