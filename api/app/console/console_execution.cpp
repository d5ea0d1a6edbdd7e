// The execution report form: lines from the order's measures, readings typed by the plant.
#include "api/app/console/console_execution.hpp"

#include <set>

#include "api/app/console/console_view.hpp"

namespace hazeguard::api {
using nlohmann::json;

namespace {

json line_statuses(std::string const& chosen) {
    json out = json::array();
    for (auto const& [value, label] : std::vector<std::pair<std::string, std::string>>{
             {"stopped", "停产"}, {"limited", "限产"}, {"running", "正常生产"}, {"other", "其他"}})
        out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
    return out;
}

json error_at(json const& errors, std::string const& key) { return errors.contains(key) ? errors.at(key) : json(nullptr); }

}  // namespace

json execution_form_data(json const& order, Form const& typed, json const& errors) {
    std::vector<std::string> lines;
    std::set<std::string> seen;
    if (order.contains("content") && order.at("content").is_object())
        for (auto const& m : order.at("content").value("measures", json::array()))
            for (auto const& l : m.value("lines", json::array()))
                if (seen.insert(l.get<std::string>()).second) lines.push_back(l.get<std::string>());
    auto const& last = order.value("execution", json(nullptr));
    std::map<std::string, std::string> reported;
    if (last.is_object())
        for (auto const& l : last.value("lines", json::array())) reported[l.value("line_id", "")] = l.value("status", "");
    json rows = json::array();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto const p = "line" + std::to_string(i) + "_";
        auto const status = typed.empty() ? (reported.count(lines[i]) ? reported[lines[i]] : "limited") : form_field(typed, p + "status");
        rows.push_back({{"i", i}, {"line", lines[i]}, {"statuses", line_statuses(status)},
                        {"note", form_field(typed, p + "note")},
                        {"err", error_at(errors, "lines." + std::to_string(i) + ".status")}});
    }
    json meters = json::array();
    auto const readings = last.is_object() ? last.value("electricity", json::array()) : json::array();
    for (int i = 0; i < kExecutionMeterRows; ++i) {
        auto const p = "meter" + std::to_string(i) + "_";
        auto const index = static_cast<std::size_t>(i);
        bool const shown = typed.empty() && index < readings.size();  // the last report's readings
        auto const meter = shown ? readings[index].value("meter", "") : form_field(typed, p + "id");
        auto const kwh = shown ? readings[index].at("kwh").dump() : form_field(typed, p + "kwh");
        meters.push_back({{"i", i}, {"n", i + 1}, {"meter", meter}, {"kwh", kwh},
                          {"err_meter", error_at(errors, "electricity." + std::to_string(i) + ".meter")},
                          {"err_kwh", error_at(errors, "electricity." + std::to_string(i) + ".kwh")}});
    }
    return {{"lines", rows},
            {"meters", meters},
            {"note", form_field(typed, "exec_note")},
            {"idem", new_form_key()},
            {"reported_cn", last.is_object() ? json(time_cn(last.value("reported_at", json(nullptr)))) : json(nullptr)},
            {"errors", errors.empty() ? json(nullptr) : errors}};
}

json execution_body(Form const& form) {
    json body{{"lines", json::array()}, {"electricity", json::array()}};
    for (int i = 0; i < 64; ++i) {
        auto const p = "line" + std::to_string(i) + "_";
        auto const line = form_field(form, p + "id");
        if (line.empty()) break;
        json l{{"line_id", line}, {"status", form_field(form, p + "status")}};
        if (!form_field(form, p + "note").empty()) l["note"] = form_field(form, p + "note");
        body["lines"].push_back(l);
    }
    for (int i = 0; i < kExecutionMeterRows; ++i) {
        auto const p = "meter" + std::to_string(i) + "_";
        auto const meter = form_field(form, p + "id"), kwh = form_field(form, p + "kwh");
        if (meter.empty() && kwh.empty()) continue;
        json reading{{"meter", meter}};
        std::size_t used = 0;
        try {
            auto const v = std::stod(kwh, &used);
            reading["kwh"] = used == kwh.size() ? json(v) : json(kwh);
        } catch (std::exception const&) {
            reading["kwh"] = kwh;  // refused by the service with its field
        }
        body["electricity"].push_back(reading);
    }
    if (!form_field(form, "exec_note").empty()) body["note"] = form_field(form, "exec_note");
    return body;
}

}  // namespace hazeguard::api
