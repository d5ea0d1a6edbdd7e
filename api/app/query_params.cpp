#include "api/app/query_params.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <vector>

namespace hazeguard::api {


std::optional<std::string> proposal_status(RouteMatch const& m) {
    auto status = m.query("status");
    if (status && *status != "pending" && *status != "approved" && *status != "rejected")
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", "status must be pending, approved or rejected",
                      {{"/query/status", "must be pending, approved or rejected"}});
    return status;
}

std::optional<std::string> delivery_state(RouteMatch const& m) {
    auto state = m.query("state");
    if (state && *state != "queued" && *state != "delivered" && *state != "dead")
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", "state must be queued, delivered or dead",
                      {{"/query/state", "must be queued, delivered or dead"}});
    return state;
}

std::optional<std::string> sms_state(RouteMatch const& m) {
    auto state = m.query("state");
    static constexpr char kStates[] = "queued, sent, delivered, failed, dead or withdrawn";
    if (state && *state != "queued" && *state != "sent" && *state != "delivered" && *state != "failed" &&
        *state != "dead" && *state != "withdrawn")
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", std::string("state must be ") + kStates,
                      {{"/query/state", std::string("must be ") + kStates}});
    return state;
}

service::OrderFilter order_filter(RouteMatch const& m) {
    service::OrderFilter f;
    std::vector<service::FieldError> errors;
    f.status = m.query("status");
    if (f.status && *f.status != "sent" && *f.status != "acknowledged" && *f.status != "executed")
        errors.push_back({"/query/status", "must be sent, acknowledged or executed"});
    f.overdue = m.query("overdue");
    if (f.overdue && *f.overdue != "ack" && *f.overdue != "execution")
        errors.push_back({"/query/overdue", "must be ack or execution"});
    if (auto const reached = m.query("reached")) {
        if (*reached == "true" || *reached == "false") f.reached = *reached == "true";
        else errors.push_back({"/query/reached", "must be true or false"});
    }
    f.district = m.query("district");
    f.industry = m.query("industry");
    f.grade = m.query("grade");
    auto number = [&](char const* name, std::int64_t min, std::int64_t max) -> std::optional<std::int64_t> {
        auto v = m.query(name);
        if (!v) return std::nullopt;
        try {
            std::size_t used = 0;
            auto const n = std::stoll(*v, &used);
            if (used == v->size() && n >= min && n <= max) return n;
        } catch (std::exception const&) {
        }
        errors.push_back({std::string("/query/") + name, "must be an integer from " + std::to_string(min) + " to " +
                                                             std::to_string(max)});
        return std::nullopt;
    };
    f.batch = number("batch", 1, INT64_MAX);
    f.after = number("cursor", 0, INT64_MAX).value_or(0);
    f.limit = static_cast<int>(number("limit", 1, 1000).value_or(100));
    if (!errors.empty()) throw Problem(400, "/problems/invalid-query", "Invalid query parameter", errors.front().message, errors);
    return f;
}

std::pair<engine::Instant, engine::Instant> observation_range(RouteMatch const& m) {
    constexpr engine::Instant kMaxRange = 92 * engine::kDay;
    std::vector<service::FieldError> errors;
    auto instant = [&](char const* name) -> std::optional<engine::Instant> {
        auto v = m.query(name);
        if (!v) {
            errors.push_back({std::string("/query/") + name, "is required: an RFC 3339 date-time with offset"});
            return std::nullopt;
        }
        std::replace(v->begin(), v->end(), ' ', '+');  // an unescaped "+08:00" arrives as " 08:00"
        auto const t = engine::parse_rfc3339(*v);
        if (!t) errors.push_back({std::string("/query/") + name, "must be an RFC 3339 date-time with offset"});
        return t;
    };
    auto const from = instant("from");
    auto const to = instant("to");
    if (from && to && (*to <= *from || *to - *from > kMaxRange))
        errors.push_back({"/query/to", "must be after from, at most 92 days later"});
    if (!errors.empty()) throw Problem(400, "/problems/invalid-query", "Invalid query parameter", errors.front().message, errors);
    return {*from, *to};
}

bool flag(RouteMatch const& m, char const* name) {
    auto const v = m.query(name);
    if (v && *v != "true" && *v != "false")
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", std::string(name) + " must be true or false",
                      {{std::string("/query/") + name, "must be true or false"}});
    return v == "true";
}

std::string report_format(Request const& r, RouteMatch const& m) {
    if (auto const f = m.query("format")) {
        if (*f == "json" || *f == "html" || *f == "csv") return *f;
        throw Problem(400, "/problems/invalid-query", "Invalid query parameter", "format must be json, html or csv",
                      {{"/query/format", "must be json, html or csv"}});
    }
    auto const accept = r.headers.get("Accept").value_or("");
    if (accept.find("text/html") != std::string::npos) return "html";
    if (accept.find("text/csv") != std::string::npos) return "csv";
    return "json";
}

std::pair<std::size_t, std::size_t> report_page(RouteMatch const& m) {
    std::vector<service::FieldError> errors;
    auto number = [&](char const* name, std::size_t max, std::size_t absent) -> std::size_t {
        auto const v = m.query(name);
        if (!v) return absent;
        if (!v->empty() && v->size() <= 7 && std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; })) {
            auto const n = std::stoul(*v);
            if (n >= 1 && n <= max) return n;
        }
        errors.push_back({std::string("/query/") + name, "must be an integer from 1 to " + std::to_string(max)});
        return absent;
    };
    auto const page = number("page", 1'000'000, 1);
    auto const limit = number("limit", 1000, 1000);
    if (!errors.empty()) throw Problem(400, "/problems/invalid-query", "Invalid query parameter", errors.front().message, errors);
    return {page, limit};
}

}  // namespace hazeguard::api
