#include "api/app/problem_response.hpp"

#include "engine/util/untrusted_json.hpp"

namespace hazeguard::api {

Response problem_response(Problem const& p, std::string const& request_id, std::string const& instance) {
    nlohmann::json body = p.extra.is_object() ? p.extra : nlohmann::json::object();
    body["type"] = p.type;
    body["title"] = p.title;
    body["status"] = p.status;
    body["detail"] = p.detail;
    body["instance"] = instance;
    body["request_id"] = request_id;
    if (!p.errors.empty()) {
        body["errors"] = nlohmann::json::array();
        for (auto const& e : p.errors) {
            body["errors"].push_back({{"pointer", e.pointer}, {"message", e.message}});
            if (!e.message_cn.empty()) body["errors"].back()["message_cn"] = e.message_cn;
        }
    }
    Response r;
    r.status = p.status;
    r.content_type = "application/problem+json";
    r.body = engine::dump_for_client(body);
    return r;
}

Response json_response(int status, nlohmann::json const& body) {
    Response r;
    r.status = status;
    r.body = engine::dump_for_client(body);
    return r;
}

}  // namespace hazeguard::api
