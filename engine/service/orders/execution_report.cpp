#include "engine/service/orders/execution_report.hpp"

#include <algorithm>

#include "engine/service/input.hpp"

namespace hazeguard::service {
using nlohmann::json;

ExecutionReport read_execution_report(json const& body, ViewContext const& views) {
    Input in(body);
    in.reject_unknown({"lines", "electricity", "note"});
    ExecutionReport out;
    out.note = in.text("note", false, 4000).value_or("");
    if (in.has("lines") && !in.body().at("lines").is_array()) in.error("lines", "must be an array");
    else if (in.has("lines"))
        for (std::size_t i = 0; i < in.body().at("lines").size(); ++i) {
            Input l = in.child(in.body().at("lines")[i], "lines/" + std::to_string(i));
            l.reject_unknown({"line_id", "status", "note"});
            auto const line = l.text("line_id", true, 64);
            auto const status = l.one_of("status", true, {"stopped", "limited", "running", "other"});
            out.lines.push_back({{"line_id", line.value_or("")}, {"status", status.value_or("")},
                                 {"note", l.text("note", false).value_or("")}});
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
            out.readings.push_back({{"meter", meter.value_or("")}, {"kwh", v.is_number() ? v : json(0)},
                                    {"at", at ? json(views.local(*at)) : json(nullptr)}});
        }
    in.finish();
    return out;
}

std::vector<FieldError> unknown_lines(ExecutionReport const& report, engine::Enterprise const& plant) {
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < report.lines.size(); ++i) {
        auto const lid = report.lines[i].at("line_id").get<std::string>();
        bool const known = std::any_of(plant.lines.begin(), plant.lines.end(), [&](auto const& l) { return l.id == lid; });
        if (!known) errors.push_back({"/lines/" + std::to_string(i) + "/line_id", "the plant has no line " + lid});
    }
    return errors;
}

}  // namespace hazeguard::service
