// Fuzz target: HTTP requests through api::Application::handle on a real SQLite database.
//
// Input framing (one to four requests, separated by a line "%%"):
//   METHOD\n
//   TARGET\n
//   Name: value\n        (up to 16 header lines, ended by an empty line)
//   \n
//   BODY                 (everything up to the next "\n%%\n")
// A header value "Bearer @duty" (also @duty2 @deputy @mayor @office @enterprise @department
// @auditor @admin) is replaced by that role's real token, so the seeds reach past authentication.
// Requests the Beast parser would never hand over (a method that is not a token, control bytes in
// the target or a header) are skipped: the application is fuzzed with what the server can pass.
//
// HG_FUZZ_VERBOSE=1 prints each request's status and the start of its body (to check what a seed
// reaches). A finding: a crash or sanitizer report, an exception out of handle(), no answer within 5 s, a
// second answer, a status >= 500, or a body that is not valid UTF-8 or quotes "[json.exception".
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/app/application.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"
#include "tests/fuzz/support/fuzz_service.hpp"

namespace {
using namespace hazeguard;

constexpr std::size_t kMaxRequests = 4;
constexpr std::size_t kMaxHeaders = 16;

bool token_char(unsigned char c) {
    if (c >= '0' && c <= '9') return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}
bool token(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!token_char(c)) return false;
    return true;
}
bool target_ok(std::string_view s) {   // Beast: any visible byte, obs-text included
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (c <= 0x20 || c == 0x7F) return false;
    return true;
}
bool value_ok(std::string_view s) {    // RFC 9110 field-value: VCHAR, SP, HTAB, obs-text
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
    return true;
}
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Next line of `s` without its "\n" (and a trailing "\r"); advances `s`.
std::string_view next_line(std::string_view& s) {
    auto const nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    s = nl == std::string_view::npos ? std::string_view() : s.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

std::optional<api::Request> decode(std::string_view s, fuzz::FuzzService const& fixture) {
    api::Request r;
    r.method = std::string(next_line(s));
    r.target = std::string(next_line(s));
    if (!token(r.method) || !target_ok(r.target)) return std::nullopt;
    for (std::size_t n = 0; !s.empty(); ++n) {
        auto const line = next_line(s);
        if (line.empty()) break;
        if (n == kMaxHeaders) return std::nullopt;
        auto const colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        auto const name = line.substr(0, colon);
        auto const value = trim(line.substr(colon + 1));
        if (!token(name) || !value_ok(value)) return std::nullopt;
        std::string v(value);
        if (v.rfind("Bearer @", 0) == 0)
            if (auto const t = fixture.token(v.substr(7))) v = "Bearer " + *t;
        r.headers.set(std::string(name), std::move(v));
    }
    r.body = std::string(s);
    return r;
}

std::vector<std::string_view> split_requests(std::string_view s) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < kMaxRequests) {
        auto const sep = s.find("\n%%\n");
        if (sep == std::string_view::npos) break;
        out.push_back(s.substr(0, sep));
        s.remove_prefix(sep + 4);
    }
    out.push_back(s);
    return out;
}

struct Answers {
    std::atomic<int> calls{0};
    std::promise<api::Response> first;
};

void check(api::Request const& request, api::Response const& r, std::string_view input) {
    std::string const what = request.method + " " + request.target + " → " + std::to_string(r.status);
    static bool const verbose = std::getenv("HG_FUZZ_VERBOSE") != nullptr;   // what a seed reaches
    if (verbose) std::fprintf(stderr, "%s %.200s\n", what.c_str(), r.body.c_str());
    if (r.status >= 500) fuzz::finding(what + ": server error", r.body);
    if (r.status < 100) fuzz::finding(what + ": not an HTTP status", r.body);
    fuzz::check_client_text(what + " body", r.body, input);
    for (auto const& [name, value] : r.headers.all())
        if (!value_ok(value)) fuzz::finding(what + ": header " + name + " holds a control byte", value);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::FuzzService::get();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto& fixture = fuzz::FuzzService::get();
    auto const input = fuzz::as_text(data, size);
    std::vector<api::Request> requests;
    for (auto const part : split_requests(input)) {
        auto r = decode(part, fixture);
        if (!r) return -1;   // not a request the server would pass on: keep it out of the corpus
        requests.push_back(std::move(*r));
    }
    std::vector<std::shared_ptr<Answers>> answers;
    {
        auto instance = fixture.fresh();
        for (auto const& request : requests) {
            auto a = std::make_shared<Answers>();
            answers.push_back(a);
            auto answered = a->first.get_future();
            instance->app->handle(request, [a](api::Response out) {
                if (a->calls.fetch_add(1) == 0) a->first.set_value(std::move(out));
            });
            if (answered.wait_for(fuzz::kAnswerWait) != std::future_status::ready)
                fuzz::finding("no answer within 5 s to " + request.method + " " + request.target, request.body);
            check(request, answered.get(), input);
            instance->service->fire_due_timers();   // what the server's timer loop would do next
        }
    }   // the service is closed: every completion has run
    for (std::size_t i = 0; i < answers.size(); ++i)
        if (answers[i]->calls != 1)
            fuzz::finding("request " + std::to_string(i + 1) + " answered " + std::to_string(answers[i]->calls.load()) +
                          " times");
    return 0;
}
