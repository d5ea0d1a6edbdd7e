// GET /v1/episodes/{id}/report: formats and content negotiation, who may read it, and that
// building it (any format, any number of times) changes no stored record.
#include <future>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tests/unit/api/api_fixture.hpp"

namespace hazeguard::api::test {
namespace {

// Every row of every table, in a fixed order: equal dumps mean nothing was written.
std::string dump(std::string const& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        auto const name = tables.getColumn(0).getString();
        out += "## " + name + "\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\" ORDER BY 1, 2");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i)
                out += (rows.getColumn(i).isNull() ? std::string("NULL") : rows.getColumn(i).getString()) + "|";
            out += "\n";
        }
    }
    return out;
}

// An active yellow warning over the ten §13 plants, with one day observed.
void episode_with_orders(Api& api) {
    REQUIRE(api.send("PUT", "/v1/enterprises", api.admin, sample_list()).status == 201);
    api.active_warning("yellow");
    REQUIRE(api.post("/v1/observations",
                     {{"observations", {{{"granularity", "day"}, {"date", date(1)}, {"aqi", 158}}}}}, api.duty)
                .status == 200);
}

TEST_CASE("the report comes as JSON by default and as HTML or CSV on request", "[api][report]") {
    Api api;
    episode_with_orders(api);
    auto const j = api.get("/v1/episodes/1/report", api.auditor);
    INFO(j.raw.substr(0, 500));
    REQUIRE(j.status == 200);
    CHECK(j.content_type == "application/json");
    CHECK(j.body.at("format") == "hazeguard-evaluation/1");
    CHECK(j.body.at("orders").at("totals").at("orders") == 10);
    CHECK(j.body.at("episode").at("drill") == true);

    auto const html = api.get("/v1/episodes/1/report?format=html", api.department);
    REQUIRE(html.status == 200);
    CHECK(html.content_type == "text/html; charset=utf-8");
    CHECK(html.raw.find("重污染天气应急响应后评估报告") != std::string::npos);
    CHECK(html.raw.find("<svg") != std::string::npos);

    auto const csv = api.get("/v1/episodes/1/report?format=csv", api.duty);
    REQUIRE(csv.status == 200);
    CHECK(csv.content_type == "text/csv; charset=utf-8");
    CHECK(csv.header("Content-Disposition") == std::optional<std::string>("attachment; filename=\"episode-1-orders.csv\""));
    CHECK(csv.raw.rfind("\xEF\xBB\xBF", 0) == 0);                       // BOM for Excel
    CHECK(std::count(csv.raw.begin(), csv.raw.end(), '\n') == 11);      // header + 10 orders

    // Without ?format, Accept chooses; ?format wins over Accept.
    CHECK(api.send("GET", "/v1/episodes/1/report", api.duty, "", {{"Accept", "text/html"}}).content_type ==
          "text/html; charset=utf-8");
    CHECK(api.send("GET", "/v1/episodes/1/report", api.duty, "", {{"Accept", "text/csv"}}).content_type ==
          "text/csv; charset=utf-8");
    CHECK(api.send("GET", "/v1/episodes/1/report?format=json", api.duty, "", {{"Accept", "text/html"}}).content_type ==
          "application/json");
}

TEST_CASE("building the report in every format writes nothing and gives the same bytes", "[api][report]") {
    Api api;
    episode_with_orders(api);
    auto const before = dump(api.db.path());
    std::string first[3];
    for (int round = 0; round < 2; ++round) {
        int i = 0;
        for (auto const* format : {"json", "html", "csv"}) {
            auto const r = api.get(std::string("/v1/episodes/1/report?format=") + format, api.auditor);
            REQUIRE(r.status == 200);
            if (round == 0) first[i] = r.raw;
            else CHECK(r.raw == first[i]);
            ++i;
        }
    }
    CHECK(dump(api.db.path()) == before);
}

TEST_CASE("the report refuses enterprises, unknown episodes and unknown formats", "[api][report]") {
    Api api;
    episode_with_orders(api);
    CHECK(is_problem(api.get("/v1/episodes/1/report", api.enterprise), 403, "/problems/forbidden-role"));
    CHECK(is_problem(api.get("/v1/episodes/1/report", ""), 401, "/problems/unauthenticated"));
    CHECK(is_problem(api.get("/v1/episodes/9/report", api.auditor), 404, "/problems/not-found"));
    auto const bad = api.get("/v1/episodes/1/report?format=pdf", api.auditor);
    CHECK(is_problem(bad, 400, "/problems/invalid-query"));
    CHECK(bad.pointers() == std::vector<std::string>{"/query/format"});
}

TEST_CASE("the never-acknowledged list is paged and refuses what the report refuses", "[api][report]") {
    Api api;
    episode_with_orders(api);
    auto const report = api.get("/v1/episodes/1/report", api.auditor);
    REQUIRE(report.status == 200);
    auto const& orders = report.body.at("orders");
    auto const page = api.get("/v1/episodes/1/report/unacknowledged?limit=4", api.department);
    REQUIRE(page.status == 200);
    CHECK(page.body.at("total") == orders.at("never_acknowledged_all").at("count"));
    CHECK(page.body.at("episode_id") == 1);
    CHECK(page.body.at("limit") == 4);
    REQUIRE(page.body.at("items").size() == 4);
    CHECK(page.body.at("items")[0] == orders.at("never_acknowledged")[0]);
    CHECK(page.body.at("next") == "/v1/episodes/1/report/unacknowledged?page=2&limit=4");
    CHECK(is_problem(api.get("/v1/episodes/1/report/unacknowledged", api.enterprise), 403, "/problems/forbidden-role"));
    CHECK(is_problem(api.get("/v1/episodes/9/report/unacknowledged", api.auditor), 404, "/problems/not-found"));
    for (auto const* query : {"page=0", "page=-1", "page=abc", "page=10000000", "page="}) {
        auto const bad = api.get(std::string("/v1/episodes/1/report/unacknowledged?") + query, api.auditor);
        CHECK(is_problem(bad, 400, "/problems/invalid-query"));
        CHECK(bad.pointers() == std::vector<std::string>{"/query/page"});
    }
    auto const bad = api.get("/v1/episodes/1/report/unacknowledged?limit=0", api.auditor);
    CHECK(is_problem(bad, 400, "/problems/invalid-query"));
    CHECK(bad.pointers() == std::vector<std::string>{"/query/limit"});
}

TEST_CASE("a report being built holds up no other request and too many waiting reports are refused",
          "[api][report]") {
    Api api;
    episode_with_orders(api);
    // The report worker is kept busy; the status, a progress query and a write answer meanwhile.
    std::promise<void> release, started;
    auto const held = release.get_future().share();
    api.svc->reports().submit([held, &started] {
        started.set_value();
        held.wait();
    });
    started.get_future().wait();
    CHECK(api.get("/v1/status", api.duty).status == 200);
    CHECK(api.get("/v1/episodes/1/progress", api.duty).status == 200);
    CHECK(api.post("/v1/observations", {{"observations", {{{"granularity", "day"}, {"date", date(2)}, {"aqi", 120}}}}},
                   api.duty)
              .status == 200);
    // Reports wait their turn, up to 16; the next one is told to come back.
    std::vector<std::future<Response>> waiting;
    for (int i = 0; i < 16; ++i) {
        auto answered = std::make_shared<std::promise<Response>>();
        waiting.push_back(answered->get_future());
        Request r;
        r.method = "GET";
        r.target = "/v1/episodes/1/report";
        r.headers.set("Authorization", "Bearer " + api.auditor);
        api.app->handle(std::move(r), [answered](Response out) { answered->set_value(std::move(out)); });
    }
    auto const refused = api.get("/v1/episodes/1/report?format=csv", api.auditor);
    CHECK(is_problem(refused, 503, "/problems/reports-busy"));
    CHECK(refused.header("Retry-After").has_value());
    release.set_value();
    for (auto& answer : waiting) {
        REQUIRE(answer.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        CHECK(answer.get().status == 200);
    }
}

}  // namespace
}  // namespace hazeguard::api::test
