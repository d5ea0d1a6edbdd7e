#include "api/resources/lists/list_requests.hpp"

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "api/app/problem.hpp"

namespace hazeguard::api {

service::ListChangesQuery list_changes_query(RouteMatch const& m) {
    std::vector<service::FieldError> errors;
    auto number = [&](char const* name, std::int64_t max, std::optional<std::int64_t> otherwise) -> std::int64_t {
        auto const v = m.query(name);
        if (!v && otherwise) return *otherwise;
        try {
            std::size_t used = 0;
            auto const n = v ? std::stoll(*v, &used) : 0;
            if (v && used == v->size() && n >= 1 && n <= max) return n;
        } catch (std::exception const&) {
        }
        errors.push_back({std::string("/query/") + name,
                          (v ? "must be an integer from 1 to " : "is required: an integer from 1 to ") + std::to_string(max)});
        return 0;
    };
    service::ListChangesQuery q;
    q.from = number("from", INT64_MAX, std::nullopt);
    q.to = number("to", INT64_MAX, std::nullopt);
    q.limit = static_cast<int>(number("limit", 1000, 100));
    q.after = m.query("after").value_or("");
    if (q.after.size() > 18) errors.push_back({"/query/after", "must be a credit code (at most 18 characters)"});
    if (!errors.empty()) throw Problem(400, "/problems/invalid-query", "Invalid query parameter", errors.front().message, errors);
    return q;
}

}  // namespace hazeguard::api
