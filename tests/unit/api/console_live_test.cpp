// The episode page's long poll (docs/console.md, "Progress without a reload"): a progress.json
// request with ?wait=1 and the page's current digest is held until a commit changes the section
// (an acknowledgement answers it), or its hold time is over (answered unchanged); past the bound
// of held requests, and once the server stops, it answers at once. Deterministic: a held request
// is one whose answer has not come when handle() has returned and nothing has been committed;
// the waits below only keep a regression from hanging the test.
#include <future>

#include "tests/unit/api/console_fixture.hpp"

namespace hazeguard::api::test {
namespace {

// The drill clock barely moves (a thousandth of real time): the section's "截至…" stays the same
// minute while a test runs, so only commits change it.
constexpr double kStillClock = 0.001;

/// A poll handed to Application::handle, its answer still to come.
struct HeldPoll {
    std::shared_ptr<std::promise<Response>> answered = std::make_shared<std::promise<Response>>();
    std::future<Response> answer = answered->get_future();

    HeldPoll(Api& api, ConsoleBrowser const& browser, std::string const& target) {
        Request r;
        r.method = "GET";
        r.target = target;
        r.headers.set("Cookie", "hg_session=" + browser.cookie);
        api.app->handle(std::move(r), [answered = answered](Response out) { answered->set_value(std::move(out)); });
    }
    bool answered_yet() const { return answer.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
    json body() {
        REQUIRE(answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        auto const out = answer.get();
        REQUIRE(out.status == 200);
        return json::parse(out.body);
    }
};

std::string current_digest(ConsoleBrowser& desk) {
    return json::parse(desk.get("/episodes/1/progress.json").raw).at("digest").get<std::string>();
}

// A yellow warning over the ten sample plants with the commits reported as `serve` reports them,
// the duty officer's browser and the digest of the section his page shows.
struct LiveEpisode {
    Api api{at(1, "10:00"), kStillClock};
    std::string link = (api.svc->observe_commits(api.app->commit_observer()), warning_with_orders(api));
    ConsoleBrowser desk = staff_browser(api, "zhangwei", {"值班员张伟", "duty_officer", "", ""});
    std::string digest = current_digest(desk);

    HeldPoll poll(std::string const& digest_shown) {
        return HeldPoll(api, desk, "/episodes/1/progress.json?wait=1&digest=" + digest_shown);
    }
};

// An answer that says the section is still the one the page shows.
void check_unchanged(json const& body, std::string const& digest, bool held) {
    CHECK(body.at("held") == held);
    CHECK(body.at("digest") == digest);
    CHECK_FALSE(body.contains("html"));
}

}  // namespace

TEST_CASE("a held progress poll is answered by the acknowledgement that changes the section", "[api][console]") {
    LiveEpisode e;
    auto& [api, link, desk, digest] = e;

    auto poll = e.poll(digest);
    CHECK_FALSE(poll.answered_yet());  // nothing committed: held

    ConsoleBrowser phone{api, ""};
    REQUIRE(phone.post(link + "/ack", {{"by", "王建国"}, {"phone", "0351-5710001"}, {"idem", "live-1"}}).status == 303);
    auto const body = poll.body();
    CHECK(body.at("held") == true);
    CHECK(body.at("digest") != digest);
    CHECK(contains(body.at("html").get<std::string>(), "已签收<strong class=\"n-ack\">1</strong>家"));
    CHECK(body.at("digest") == current_digest(desk));
}

TEST_CASE("a held progress poll ignores commits that leave the section as it is", "[api][console]") {
    LiveEpisode e;
    auto& [api, link, desk, digest] = e;
    api.app->limit_held_polls({32, std::chrono::milliseconds(2000), std::chrono::milliseconds(0)});
    auto poll = e.poll(digest);
    // A forecast is a commit that changes nothing of the episode's orders.
    REQUIRE(api.post("/v1/forecasts", {{"issued_at", at(1, "09:00")}, {"issuer", "太原市环境监测中心站"}, {"days", json::array({day(1, 120, 100, 140)})}},
                     api.duty)
                .status == 201);
    check_unchanged(poll.body(), digest, true);  // at the end of its hold
}

TEST_CASE("a held progress poll answers unchanged when its hold time is over", "[api][console]") {
    LiveEpisode e;
    auto& [api, link, desk, digest] = e;
    api.app->limit_held_polls({32, std::chrono::milliseconds(1), std::chrono::milliseconds(50)});
    check_unchanged(e.poll(digest).body(), digest, true);
}

TEST_CASE("a progress poll whose digest is stale is answered at once with the section", "[api][console]") {
    LiveEpisode e;
    auto& [api, link, desk, digest] = e;
    auto poll = e.poll("0000000000000000");
    REQUIRE(poll.answered_yet());
    auto const body = poll.body();
    CHECK(body.at("held") == false);
    CHECK(body.at("digest") == digest);
    CHECK(contains(body.at("html").get<std::string>(), "已签收<strong class=\"n-ack\">0</strong>家"));
}

TEST_CASE("past the bound of held progress polls and once the server stops a poll answers at once", "[api][console]") {
    LiveEpisode e;
    auto& [api, link, desk, digest] = e;
    api.app->limit_held_polls({1, std::chrono::minutes(10), std::chrono::milliseconds(50)});

    auto first = e.poll(digest);
    CHECK_FALSE(first.answered_yet());
    auto second = e.poll(digest);  // over the bound: the page falls back to its plain poll
    REQUIRE(second.answered_yet());
    check_unchanged(second.body(), digest, false);

    api.app->release_held_requests();  // the server's stop
    REQUIRE(first.answered_yet());
    check_unchanged(first.body(), digest, true);
    auto after = e.poll(digest);  // nothing is held any more
    REQUIRE(after.answered_yet());
    CHECK(after.body().at("held") == false);
}

TEST_CASE("the progress poll without wait answers at once as before", "[api][console]") {
    LiveEpisode e;
    auto& [api, link, desk, digest] = e;
    HeldPoll poll(api, desk, "/episodes/1/progress.json?digest=" + digest);
    REQUIRE(poll.answered_yet());
    check_unchanged(poll.body(), digest, false);
}

}  // namespace hazeguard::api::test
