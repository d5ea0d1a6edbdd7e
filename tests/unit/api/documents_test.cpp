// The documents (公文) as the server writes them, whole: a notice for each action (issue, upgrade,
// downgrade, extend, lift), the adverse-weather stage's numbered 调度令, the lift of an issue that
// never started, and an order for each grade path (own measures, A self-determined, D stop,
// guarantee). Golden files: tests/golden/documents/.
#include <regex>
#include <set>

#include "tests/unit/api/documents_support.hpp"

namespace hazeguard::api::test {
namespace {

json proposal(std::string const& action, std::string const& start, json end = nullptr, std::string const& level = "") {
    json p{{"action", action}, {"start_at", start}, {"consultation_note", "省市联合会商意见"}};
    if (!level.empty()) p["level"] = level;
    if (action != "lift") p["end_at"] = std::move(end);
    return p;
}

std::string notice_of(json const& signed_view) { return signed_view.at("notice_cn").get<std::string>(); }

std::vector<std::string> english_in(std::string const& text);
/// An HTML page's text as a reader sees it: no tags, styles, scripts or SVG.
std::string visible_text(std::string const& html);
/// The zh-CN headline, description and instruction of every public CAP alert.
std::vector<std::string> cap_chinese(Api& api);
/// Every text of episode 1 written for people: its timeline, and each order's text.
std::vector<std::string> episode_texts(Api& api);

TEST_CASE("the notices of one warning: issue, upgrade, downgrade, extend and lift", "[api][documents]") {
    Api api(at(5, "10:00"));
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list()).status == 201);
    auto const issued = signed_proposal(api, proposal("issue", at(1, "00:00"), at(3, "00:00"), "yellow"),
                                        joint_forecast(at(5, "09:00"), 1, {162, 178, 146, 120, 95, 80}), api.deputy_mayor);
    check_golden("notice-issue", notice_of(issued));
    auto const upgraded = signed_proposal(api, proposal("upgrade", at(2, "12:00"), nullptr, "orange"),
                                          joint_forecast(at(5, "09:10"), 2, {180, 215, 230, 160, 120, 95}), api.deputy_mayor);
    check_golden("notice-upgrade", notice_of(upgraded));
    auto const downgraded = signed_proposal(api, proposal("downgrade", at(4, "00:00"), at(6, "00:00"), "yellow"),
                                            joint_forecast(at(5, "09:20"), 4, {170, 160, 120, 95, 80}), api.deputy_mayor);
    check_golden("notice-downgrade", notice_of(downgraded));
    json extend{{"action", "extend"}, {"end_at", at(8, "00:00")}, {"consultation_note", "省市联合会商意见"}};
    auto const extended =
        signed_proposal(api, extend, joint_forecast(at(5, "09:30"), 5, {165, 158, 155, 120}), api.deputy_mayor);
    check_golden("notice-extend", notice_of(extended));
    auto const lifted = signed_proposal(api, proposal("lift", at(5, "12:00")),
                                        joint_forecast(at(5, "09:40"), 5, {110, 95, 85, 80}), api.deputy_mayor);
    check_golden("notice-lift", notice_of(lifted));

    // Numbered 1, 2, … in the year of signature; the plan version and the proposal stay in the
    // metadata, out of the text.
    for (auto const& [view, serial] : {std::pair{issued, 1}, {upgraded, 2}, {downgraded, 3}, {extended, 4}, {lifted, 5}}) {
        auto const& document = view.at("document");
        CHECK(document.at("number_cn") == "并环委办发〔2026〕" + std::to_string(serial) + "号");
        CHECK(document.at("metadata").at("plan_version") == "2024.1");
        CHECK(document.at("metadata").at("proposal_id") == view.at("id"));
        CHECK(notice_of(view).find("2024.1") == std::string::npos);
        CHECK(api.get("/v1/proposals/" + std::to_string(view.at("id").get<int>()), api.auditor).body.at("document") ==
              document);
    }
    // The whole episode — issue, upgrade, downgrade, extension, lift and the orders of each batch,
    // the evaluation report and the public CAP alerts' Chinese — holds no English word, RFC 3339
    // time or internal ref in anything written for people.
    auto texts = episode_texts(api);
    CHECK(texts.size() > 30);
    auto const report = api.get("/v1/episodes/1/report?format=html", api.auditor);
    REQUIRE(report.status == 200);
    auto const report_text = visible_text(report.raw);
    CHECK(report_text.find("问题与建议") != std::string::npos);
    texts.push_back(report_text);
    for (auto const& alert : cap_chinese(api)) texts.push_back(alert);
    for (auto const& text : texts) {
        auto const found = english_in(text);
        INFO(text.substr(0, 600));
        CHECK(found == std::vector<std::string>{});
    }
}

TEST_CASE("the adverse-weather stage is a numbered dispatch order, ended by the warning that follows",
          "[api][documents]") {
    Api api(at(1, "10:00"));
    auto const dispatch = signed_proposal(api, proposal("issue", at(1, "10:00"), at(3, "00:00"), "adverse"),
                                          joint_forecast(at(1, "09:00"), 1, {135, 140, 120, 95}), api.office);
    check_golden("dispatch-order", notice_of(dispatch));
    CHECK(dispatch.at("document").at("kind") == "dispatch");
    CHECK(dispatch.at("document").at("number_cn") == "第1号");
    auto const yellow = signed_proposal(api, proposal("upgrade", at(2, "00:00"), at(4, "00:00"), "yellow"),
                                        joint_forecast(at(1, "09:30"), 2, {165, 172, 140, 110}), api.deputy_mayor);
    check_golden("notice-issue-after-dispatch", notice_of(yellow));
    CHECK(yellow.at("document").at("number_cn") == "并环委办发〔2026〕1号");
}

TEST_CASE("lifting an issue that never started names the level it withdraws", "[api][documents]") {
    Api api(at(1, "10:00"));
    signed_proposal(api, issue_yellow(0), joint_forecast(at(1, "09:00"), 1, {128, 162, 178, 146, 120, 95}),
                    api.deputy_mayor);
    auto const lifted = signed_proposal(api, proposal("lift", at(1, "12:00")),
                                        joint_forecast(at(1, "11:00"), 1, {120, 110, 95, 85}), api.deputy_mayor);
    check_golden("notice-lift-withdrawn", notice_of(lifted));
}

}  // namespace
}  // namespace hazeguard::api::test

namespace hazeguard::api::test {
namespace {

constexpr char kGoldenCoking[] = "91140121MA0TE00013";   // own measures (一厂一策) at every level
constexpr char kGoldenLime[] = "91140181MA0TE00049";     // made grade A without own measures: self-determined
constexpr char kGoldenBrick[] = "91140122MA0TE0005X";    // made grade D without own measures: stops
constexpr char kGoldenHeat[] = "91140109MA0TE0010M";     // a guarantee plant (供暖) without own measures

/// The sample list with three plants changed so that every grade path has one plant.
std::string grade_path_list() {
    auto list = json::parse(sample_list());
    for (auto& e : list.at("enterprises")) {
        auto const code = e.at("credit_code").get<std::string>();
        if (code == kGoldenLime) e["grade"] = "A";
        if (code == kGoldenBrick) e["grade"] = "D";
        if (code == kGoldenLime || code == kGoldenBrick || code == kGoldenHeat) e.erase("measures");
    }
    return list.dump();
}

TEST_CASE("an order for each grade path, and the termination at the lift", "[api][documents]") {
    Api api(at(1, "10:00"));
    auto const imported = api.send("PUT", "/v1/enterprises", api.admin, grade_path_list());
    INFO(imported.raw);
    REQUIRE(imported.status == 201);
    signed_proposal(api, proposal("issue", at(1, "10:00"), at(3, "00:00"), "yellow"),
                    joint_forecast(at(1, "09:00"), 1, {162, 178, 146, 120, 95}), api.deputy_mayor);
    auto const orders = api.get("/v1/episodes/1/orders?limit=100", api.duty);
    INFO(orders.raw);
    REQUIRE(orders.status == 200);
    auto const text_of = [&](std::string const& code) {
        for (auto const& o : orders.body.at("items"))
            if (o.at("enterprise").at("credit_code") == code) {
                auto const r = api.get("/v1/orders/" + std::to_string(o.at("id").get<int>()), api.duty);
                INFO(r.raw);
                REQUIRE(r.status == 200);
                return r.body.at("text_cn").get<std::string>();
            }
        FAIL("no order for " << code);
        return std::string();
    };
    check_golden("order-own-measures", text_of(kGoldenCoking));
    check_golden("order-self-determined", text_of(kGoldenLime));
    check_golden("order-stop", text_of(kGoldenBrick));
    check_golden("order-guarantee", text_of(kGoldenHeat));
    CHECK(text_of(kGoldenLime).find("0.000") == std::string::npos);

    signed_proposal(api, proposal("lift", at(1, "12:00")), joint_forecast(at(1, "11:00"), 1, {120, 110, 95, 85}),
                    api.deputy_mayor);
    auto const after = api.get("/v1/episodes/1/orders?limit=100", api.duty);
    for (auto const& o : after.body.at("items"))
        if (o.at("enterprise").at("credit_code") == kGoldenCoking) {
            auto const r = api.get("/v1/orders/" + std::to_string(o.at("id").get<int>()), api.duty);
            check_golden("order-termination", r.body.at("text_cn").get<std::string>());
        }
}

}  // namespace
}  // namespace hazeguard::api::test

namespace hazeguard::api::test {
namespace {

/// What a text written for people must not hold: English words (three or more Latin letters,
/// other than the pollutant and index names officials write), RFC 3339 times, internal refs.
std::vector<std::string> english_in(std::string const& text) {
    static std::regex const word("[A-Za-z]{3,}"), rfc3339("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"),
        ref("(proposal|batch|forecast|directive|episode|order):\\d");
    static std::set<std::string> const allowed = {"AQI", "VOCs", "NOx"};
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
        if (!allowed.count(it->str())) found.push_back(it->str());
    for (auto const* re : {&rfc3339, &ref})
        for (auto it = std::sregex_iterator(text.begin(), text.end(), *re); it != std::sregex_iterator(); ++it)
            found.push_back(it->str());
    return found;
}

std::string visible_text(std::string const& html) {
    static std::regex const hidden("<(style|script|svg)[^>]*>[\\s\\S]*?</\\1>"), tag("<[^>]*>"), entity("&[a-z]+;|&#\\d+;");
    return std::regex_replace(std::regex_replace(std::regex_replace(html, hidden, " "), tag, " "), entity, " ");
}

std::vector<std::string> cap_chinese(Api& api) {
    static std::regex const id("<id>[^<]*/v1/public/alerts/([^<]+)</id>"),
        info("<info>\\s*<language>zh-CN</language>[\\s\\S]*?</info>"),
        field("<(headline|description|instruction)>([^<]*)</\\1>");
    std::vector<std::string> out;
    auto const feed = api.get("/v1/public/alerts", "").raw;
    for (auto it = std::sregex_iterator(feed.begin(), feed.end(), id); it != std::sregex_iterator(); ++it) {
        auto const alert = api.get("/v1/public/alerts/" + (*it)[1].str(), "").raw;
        std::smatch zh;
        REQUIRE(std::regex_search(alert, zh, info));
        auto const block = zh.str();
        for (auto f = std::sregex_iterator(block.begin(), block.end(), field); f != std::sregex_iterator(); ++f)
            out.push_back((*f)[2].str());
    }
    CHECK_FALSE(out.empty());
    return out;
}

std::vector<std::string> episode_texts(Api& api) {
    std::vector<std::string> texts;
    auto const episode = api.get("/v1/episodes/1", api.auditor);
    REQUIRE(episode.status == 200);
    for (auto const& t : episode.body.at("timeline")) texts.push_back(t.at("summary_cn").get<std::string>());
    // Every batch's orders (the sample list has ten plants: one page each).
    for (auto const& batch : api.get("/v1/episodes/1/progress", api.duty).body.at("batches")) {
        auto const page = api.get("/v1/episodes/1/orders?limit=100&batch=" + std::to_string(batch.at("id").get<int>()), api.duty);
        REQUIRE(page.status == 200);
        for (auto const& o : page.body.at("items"))
            texts.push_back(
                api.get("/v1/orders/" + std::to_string(o.at("id").get<int>()), api.duty).body.at("text_cn").get<std::string>());
    }
    return texts;
}

TEST_CASE("the timeline and the notices and orders of an episode hold no English word or RFC 3339 time or internal ref",
          "[api][documents]") {
    Api api(at(1, "10:00"));
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list()).status == 201);
    auto const issued = signed_proposal(api, proposal("issue", at(1, "10:00"), at(3, "00:00"), "yellow"),
                                        joint_forecast(at(1, "09:00"), 1, {162, 178, 146, 120, 95}), api.deputy_mayor);
    auto const lifted = signed_proposal(api, proposal("lift", at(1, "12:00")),
                                        joint_forecast(at(1, "11:00"), 1, {120, 110, 95, 85}), api.deputy_mayor);
    std::vector<std::string> texts = {notice_of(issued), notice_of(lifted)};
    auto const episode = api.get("/v1/episodes/1", api.auditor);
    REQUIRE(episode.status == 200);
    for (auto const& t : episode.body.at("timeline")) texts.push_back(t.at("summary_cn").get<std::string>());
    auto const orders = api.get("/v1/episodes/1/orders?limit=100", api.duty);
    for (auto const& o : orders.body.at("items"))
        texts.push_back(
            api.get("/v1/orders/" + std::to_string(o.at("id").get<int>()), api.duty).body.at("text_cn").get<std::string>());
    CHECK(texts.size() > 10);
    for (auto const& text : texts) {
        INFO(text);
        CHECK(english_in(text).empty());
    }
}

}  // namespace
}  // namespace hazeguard::api::test

namespace hazeguard::api::test {
namespace {

TEST_CASE("the printable notice and order are HTML pages for the roles that read them", "[api][documents]") {
    Api api(at(1, "10:00"));
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list()).status == 201);
    auto const pending = api.propose(proposal("issue", at(1, "10:00"), at(3, "00:00"), "yellow"));
    CHECK(is_problem(api.get("/v1/proposals/" + std::to_string(pending) + "/notice.html", api.duty), 404,
                     "/problems/not-found"));
    REQUIRE(api.approve(pending, api.deputy_mayor).status == 200);
    auto const notice = api.get("/v1/proposals/" + std::to_string(pending) + "/notice.html", api.duty);
    REQUIRE(notice.status == 200);
    CHECK(notice.content_type == "text/html; charset=utf-8");
    CHECK(notice.raw.find("<h1>关于发布重污染天气黄色预警的通知</h1>") != std::string::npos);
    CHECK(notice.raw.find("并环委办发〔2026〕1号") != std::string::npos);
    CHECK(notice.raw.find("size: A4") != std::string::npos);
    CHECK(notice.raw.find("drill-banner") != std::string::npos);
    CHECK(api.get("/v1/proposals/" + std::to_string(pending) + "/notice.html", api.enterprise).status == 403);

    auto const mine = api.get("/v1/me/orders", api.enterprise).body.at("items");
    auto const orders = api.get("/v1/episodes/1/orders?limit=100", api.duty).body.at("items");
    REQUIRE_FALSE(orders.empty());
    auto const id = std::to_string(orders.at(0).at("id").get<int>());
    auto const order = api.get("/v1/orders/" + id + "/order.html", api.duty);
    REQUIRE(order.status == 200);
    CHECK(order.raw.find("重污染天气应急减排指令（一厂一策）") != std::string::npos);
    if (mine.empty()) CHECK(api.get("/v1/orders/" + id + "/order.html", api.enterprise).status == 404);
    if (auto const dir = std::getenv("HG_DOCUMENT_HTML_DIR")) {   // for scripts/check-document-pdf.sh
        std::ofstream(std::filesystem::path(dir) / "notice.html") << notice.raw;
        std::ofstream(std::filesystem::path(dir) / "order.html") << order.raw;
    }
}

}  // namespace
}  // namespace hazeguard::api::test
