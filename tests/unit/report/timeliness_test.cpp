// Timeliness: approval steps, onset checks and directive lags.
#include "tests/unit/report/report_test_support.hpp"

namespace hazeguard::engine::report::test {
namespace {

TEST_CASE("approval steps: late steps are flagged and missing steps are null", "[report][timeliness]") {
    auto in = empty_episode();
    auto late = proposal(1, "issue", "yellow", at(1, 10), at(1, 12, 30), at(1, 14), at(1, 16, 15), day(2));
    auto pending = proposal(2, "upgrade", "orange", at(2, 10), at(2, 11), 0, 0, day(3));
    pending.status = "pending";
    pending.signed_at.reset();
    pending.distribution_due_at.reset();
    pending.distributed_at.reset();
    pending.effective_at.reset();
    in.proposals = {pending, late};
    auto const report = build_report(taiyuan(), in);
    auto const& list = report.at("timeliness").at("proposals");
    REQUIRE(list.size() == 2);
    CHECK(list[0].at("ref") == "proposal:1");  // by creation time
    CHECK(list[0].at("form").at("on_time") == false);
    CHECK(list[0].at("form").at("hours") == 2.5);
    CHECK(list[0].at("signature").at("on_time") == true);
    CHECK(list[0].at("distribution").at("hours") == 2.25);
    CHECK(list[0].at("distribution").at("on_time") == false);
    CHECK(list[1].at("signature") == json({{"at", nullptr},
                                           {"due_at", rfc(at(2, 13))},
                                           {"hours", nullptr},
                                           {"limit_hours", 2},
                                           {"on_time", nullptr}}));
    CHECK(list[1].at("distribution").at("due_at").is_null());
    CHECK(list[1].at("effective") == json({{"requested_at", rfc(day(3))}, {"at", nullptr}}));

    std::vector<std::string> codes;
    for (auto const& f : report.at("findings")) codes.push_back(f.at("code").get<std::string>());
    CHECK(codes == std::vector<std::string>{"form_late", "distribution_late"});
}

TEST_CASE("onset: a warning that starts after the first polluted hour is not warned first", "[report][timeliness]") {
    auto in = empty_episode();
    in.hourly = {{at(2, 5), 151, std::nullopt, "PM2.5"}, {at(2, 6), 190, std::nullopt, "PM2.5"}};
    in.levels = {period("adverse", day(1), at(2, 9), "directive:1"), period("orange", at(2, 9), day(4), "proposal:1")};
    auto const report = build_report(taiyuan(), in);
    auto const& onset = report.at("timeliness").at("onset");
    // The yellow check is met by the orange start (rank ≥ yellow); the pre-stage does not count.
    CHECK(onset[0].at("level_start") == rfc(at(2, 9)));
    CHECK(onset[0].at("lead_hours") == -4.0);
    CHECK(onset[0].at("warned_first") == false);
    // No hour above 200.
    CHECK(onset[1].at("first_hour_above").is_null());
    CHECK(onset[1].at("lead_hours").is_null());
    auto const& finding = report.at("findings").at(0);
    CHECK(finding.at("code") == "onset_after_pollution");
    CHECK(finding.at("severity") == "high");
    CHECK(finding.at("evidence") == json::array({"/timeliness/onset/0"}));
}

TEST_CASE("directive lag: the first own start at the directive's level or higher", "[report][timeliness]") {
    auto in = empty_episode();
    in.directives = {{1, "山西省", "orange", "晋调度令〔2026〕9号", at(2, 8), at(2, 12), std::nullopt},
                     {2, "汾渭平原协作小组办公室", "red", "汾渭〔2026〕1号", at(3, 8), at(3, 12), day(4)},
                     {3, "山西省", "yellow", "晋调度令〔2026〕8号", at(1, 8), at(2, 6), std::nullopt}};
    in.levels = {period("yellow", day(2), at(2, 12), "proposal:1"),
                 period("orange", at(2, 12), at(2, 15), "directive:1"),
                 period("orange", at(2, 15), day(4), "proposal:2")};
    auto const report = build_report(taiyuan(), in);
    auto const& d = report.at("timeliness").at("directives");
    REQUIRE(d.size() == 3);
    // By start time: yellow (D2 06:00), orange (D2 12:00), red (D3 12:00).
    CHECK(d[0].at("ref") == "directive:3");
    CHECK(d[0].at("lag_hours") == -6.0);                 // the city's own yellow started 6 h earlier
    CHECK(d[1].at("local_start_at") == rfc(at(2, 15)));  // the directive's own period does not count
    CHECK(d[1].at("lag_hours") == 3.0);
    CHECK(d[2].at("local_start_at").is_null());
    CHECK(d[2].at("lag_hours").is_null());
    std::vector<std::string> codes;
    for (auto const& f : report.at("findings")) codes.push_back(f.at("code").get<std::string>());
    CHECK(codes == std::vector<std::string>{"directive_lag", "directive_not_followed"});
    CHECK(report.at("findings")[0].at("text_cn") ==
          "山西省指令晋调度令〔2026〕9号要求自12月15日12时启动橙色预警（Ⅱ级响应），本市同级或更高级别预警于12月15日15时"
          "生效，滞后3小时。");
}

TEST_CASE("Directives: the city's own signed warning at the directive's level follows it, though the level in force did not change",
          "[report][timeliness][rules]") {
    auto in = empty_episode();
    in.directives = {{1, "山西省", "orange", "晋调度令〔2026〕9号", at(2, 8), at(2, 12), std::nullopt}};
    // Orange from the directive; the city's own orange (proposal 1) signed at 13:00 for 14:00
    // changes nothing in force, so no period of its own.
    in.levels = {period("orange", at(2, 12), day(4), "directive:1")};
    in.proposals = {proposal(1, "issue", "orange", at(2, 10), at(2, 11), at(2, 13), at(2, 13, 30), at(2, 14))};
    in.proposals[0].effective_at.reset();
    auto const report = build_report(taiyuan(), in);
    auto const& d = report.at("timeliness").at("directives");
    REQUIRE(d.size() == 1);
    CHECK(d[0].at("local_start_at") == rfc(at(2, 14)));
    CHECK(d[0].at("lag_hours") == 2.0);
    for (auto const& f : report.at("findings")) CHECK(f.at("code") != "directive_not_followed");
}

TEST_CASE("Deviation needs a reason: the report lists deviating levels and a red announced less than 24 h ahead",
          "[report][timeliness][rules]") {
    auto in = empty_episode();
    in.proposals = {proposal(1, "issue", "orange", at(1, 10), at(1, 11), at(1, 12), at(1, 13), day(2)),
                    proposal(2, "upgrade", "red", at(2, 10), at(2, 11), at(2, 12), at(2, 13), at(2, 20))};
    in.proposals[0].deviates = true;
    in.proposals[0].recommended_level = "yellow";
    in.proposals[0].justification = "区域传输影响预计加重";
    auto const report = build_report(taiyuan(), in);
    auto const& list = report.at("timeliness").at("proposals");
    CHECK(list[0].at("deviation").at("recommended_level") == "yellow");
    CHECK(list[0].at("advance_notice").is_null());  // the plan sets no advance notice for orange
    CHECK(list[1].at("deviation").is_null());
    CHECK(list[1].at("advance_notice").at("hours") == 8.0);
    CHECK(list[1].at("advance_notice").at("short") == true);
    std::vector<std::string> codes;
    for (auto const& f : report.at("findings")) codes.push_back(f.at("code").get<std::string>());
    CHECK(codes == std::vector<std::string>{"level_deviation", "short_notice"});
    CHECK(report.at("findings")[0].at("text_cn").get<std::string>().find("理由：区域传输影响预计加重。") != std::string::npos);
    CHECK(report.at("findings")[1].at("evidence") == json::array({"/timeliness/proposals/1/advance_notice"}));
}

}  // namespace
}  // namespace hazeguard::engine::report::test
