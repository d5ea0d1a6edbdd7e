#include "api/resources/orders/order_requests.hpp"

#include "api/app/input.hpp"

namespace hazeguard::api {
using nlohmann::json;

service::AckRequest read_acknowledgement(json const& body) {
    Input in(body);
    in.reject_unknown({"by", "phone", "note"});
    auto const by = in.text("by", true, 100);
    auto const phone = in.text("phone", true, 20);
    if (phone && (phone->size() < 7 || phone->find_first_not_of("0123456789+- ") != std::string::npos))
        in.error("phone", "must be a phone number of 7 to 20 digits");
    auto const note = in.text("note", false, 2000).value_or("");
    in.finish();
    return {*by, *phone, note};
}

service::ExecutionReport read_execution_report(json const& body) {
    Input in(body);
    in.reject_unknown({"lines", "electricity", "note"});
    service::ExecutionReport out;
    out.note = in.text("note", false, 4000).value_or("");
    if (in.has("lines") && !in.body().at("lines").is_array()) in.error("lines", "must be an array");
    else if (in.has("lines"))
        for (std::size_t i = 0; i < in.body().at("lines").size(); ++i) {
            Input l = in.child(in.body().at("lines")[i], "lines/" + std::to_string(i));
            l.reject_unknown({"line_id", "status", "note"});
            auto const line = l.text("line_id", true, 64);
            auto const status = l.one_of("status", true, {"stopped", "limited", "running", "other"});
            out.lines.push_back({line.value_or(""), status.value_or(""), l.text("note", false).value_or("")});
        }
    if (in.has("electricity") && !in.body().at("electricity").is_array()) in.error("electricity", "must be an array");
    else if (in.has("electricity"))
        for (std::size_t i = 0; i < in.body().at("electricity").size(); ++i) {
            Input r = in.child(in.body().at("electricity")[i], "electricity/" + std::to_string(i));
            r.reject_unknown({"meter", "kwh", "at"});
            auto const meter = r.text("meter", true, 64);
            auto const& v = r.body().is_object() && r.body().contains("kwh") ? r.body().at("kwh") : json();
            if (!v.is_number() || v.get<double>() < 0) r.error("kwh", "must be a number ≥ 0");
            auto const at = r.instant("at", false);
            out.readings.push_back({meter.value_or(""), v.is_number() ? v.get<double>() : 0.0, at});
        }
    in.finish();
    return out;
}

}  // namespace hazeguard::api
