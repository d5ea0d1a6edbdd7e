// Findings: nothing when nothing went wrong; codes, severities and evidence otherwise.
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

TEST_CASE("findings: a clean episode has none", "[report][findings]") {
    auto in = empty_episode();
    in.closed_at = day(4);
    in.daily = daily(1, {130, 210, 140});
    in.hourly = {{at(2, 3), 205, std::nullopt, "PM2.5"}};
    in.forecasts = {forecast(1, at(1, 8), 1, {140, 220, 150})};
    in.proposals = {proposal(1, "issue", "yellow", at(1, 9), at(1, 10), at(1, 11), at(1, 12), day(2)),
                    proposal(2, "lift", "", at(2, 9), at(2, 10), at(2, 11), at(2, 12), day(3))};
    in.levels = {period("yellow", day(2), day(3), "proposal:1")};
    in.batches = {
        batch(1, "issue", "yellow", at(1, 12), day(2), {{"SO2", 6.0}, {"NOx", 22.0}, {"PM", 12.0}, {"VOCs", 15.0}})};
    auto o = order(1, 1, "yellow", at(1, 12));
    o.ack_at = at(1, 12, 20);
    o.executed_at = at(1, 20);
    in.orders = {o};
    auto plan = taiyuan();
    plan.evaluation.onset_checks = {{200, "yellow"}};
    auto const report = build_report(plan, in);
    INFO(report.at("findings").dump(2));
    CHECK(report.at("findings").empty());
    CHECK(report.at("level_appropriateness").at("under_warned_days") == 0);
}

TEST_CASE("findings: order counts are reported once each with their severity", "[report][findings]") {
    auto in = empty_episode();
    in.batches = {batch(1, "issue", "yellow", at(1, 18), day(2))};
    auto never = order(1, 1, "yellow", at(1, 18));
    never.reminded_at = at(1, 19);
    never.escalated_at = at(1, 20);
    auto late = order(2, 1, "yellow", at(1, 18));
    late.ack_at = at(1, 20);
    late.executed_at = at(3, 0);
    in.orders = {never, late};
    auto plan = taiyuan();
    plan.reduction_targets.clear();
    auto const findings = build_report(plan, in).at("findings");
    std::vector<std::string> got;
    for (auto const& f : findings)
        got.push_back(f.at("code").get<std::string>() + "/" + f.at("severity").get<std::string>());
    CHECK(got == std::vector<std::string>{"never_acknowledged/high", "acknowledged_late/medium",
                                          "execution_missing/high", "executed_late/medium", "escalated/medium"});
    CHECK(findings[0].at("text_cn") == "1份减排指令至签收时限未签收，且未被后续指令替代。");
    CHECK(findings[0].at("evidence") ==
          json::array({"/orders/totals/never_acknowledged", "/orders/never_acknowledged"}));
}

}  // namespace
}  // namespace hazeguard::engine::report::test
