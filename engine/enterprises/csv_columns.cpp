#include "engine/enterprises/detail/csv_columns.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

namespace {

struct FixedColumn {
    CsvField field;
    bool required;
    std::initializer_list<std::string_view> headers;  // first: English key, second: Chinese name
};

// initializer_list at namespace scope keeps its backing arrays for the program's lifetime.
std::initializer_list<FixedColumn> const kFixed = {
    {CsvField::credit_code, true, {"credit_code", "统一社会信用代码", "社会信用代码", "信用代码"}},
    {CsvField::name, true, {"name", "企业名称", "单位名称"}},
    {CsvField::district, true, {"district", "县区", "县(市、区)", "县(市,区)", "区县", "所在县区"}},
    {CsvField::park, false, {"park", "园区", "所在园区"}},
    {CsvField::industry, true, {"industry", "行业", "所属行业", "行业类别"}},
    {CsvField::grade, true, {"grade", "绩效分级", "绩效等级", "绩效评级"}},
    {CsvField::guarantee, false, {"guarantee", "保障类型", "保障类企业类型"}},
    {CsvField::operating_days, false, {"operating_days", "年运行天数", "年生产天数"}},
    {CsvField::baseline_kwh, false, {"baseline_kwh_per_day", "基准日用电量(kWh)", "日均用电量(kWh)"}},
    {CsvField::lines, true, {"lines", "生产线", "生产线(工序)"}},
    {CsvField::so2, true, {"so2_t_per_year", "SO2(t/a)", "SO2(吨/年)", "二氧化硫(t/a)", "二氧化硫(吨/年)"}},
    {CsvField::nox, true, {"nox_t_per_year", "NOx(t/a)", "NOx(吨/年)", "氮氧化物(t/a)", "氮氧化物(吨/年)"}},
    {CsvField::pm, true, {"pm_t_per_year", "PM(t/a)", "PM(吨/年)", "颗粒物(t/a)", "颗粒物(吨/年)"}},
    {CsvField::vocs,
     true,
     {"vocs_t_per_year", "VOCs(t/a)", "VOCs(吨/年)", "挥发性有机物(t/a)", "挥发性有机物(吨/年)"}},
    {CsvField::transport, false, {"transport", "运输管控", "运输管控措施"}},
    {CsvField::contact_role, false, {"contact_role", "联系人职务"}},
    {CsvField::contact_name, true, {"contact_name", "联系人", "联系人姓名"}},
    {CsvField::contact_phone, true, {"contact_phone", "联系电话", "联系人电话", "24小时联系电话"}},
};

struct LevelColumn {
    CsvField field;
    std::string_view key_suffix;
    std::initializer_list<std::string_view> cn_suffixes;
};

std::initializer_list<LevelColumn> const kPerLevel = {
    {CsvField::level_measure, "_measure", {"措施"}},
    {CsvField::level_lines, "_lines", {"涉及生产线"}},
    {CsvField::level_action, "_action", {"措施类型"}},
    {CsvField::level_parameter, "_parameter", {"措施参数"}},
    {CsvField::level_reductions, "_reductions", {"减排量", "减排量(t/d)", "减排量(吨/日)", "减排量(吨/天)"}},
    {CsvField::level_transport, "_transport", {"运输管控"}},
};

// Chinese prefixes of the usual level ids; any level also answers to its plan name_cn.
std::vector<std::string> level_prefixes(plans::Level const& level) {
    std::vector<std::string> out;
    if (level.id == "adverse")
        out = {"不利气象", "不利气象条件"};
    else if (level.id == "yellow")
        out = {"黄色预警", "黄色"};
    else if (level.id == "orange")
        out = {"橙色预警", "橙色"};
    else if (level.id == "red")
        out = {"红色预警", "红色"};
    if (!level.name_cn.empty()) out.push_back(level.name_cn);
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::string normalize_header(std::string_view text) {
    static std::initializer_list<std::pair<std::string_view, std::string_view>> const kFullWidth = {
        {"（", "("}, {"）", ")"}, {"／", "/"}, {"，", ","}, {"\xE3\x80\x80", ""}, {" ", ""}, {"\t", ""}};
    std::string out;
    text = trim(text);
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (auto const& [from, to] : kFullWidth) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text[i++];
    }
    return ascii_lower(out);
}

std::vector<CsvColumn> csv_columns(plans::Plan const& plan) {
    std::vector<CsvColumn> columns;
    for (auto const& fixed : kFixed) {
        CsvColumn c;
        auto const* names = fixed.headers.begin();
        c.key = std::string(names[0]);
        c.name_cn = std::string(names[1]);
        c.field = fixed.field;
        c.required = fixed.required;
        for (auto const h : fixed.headers) c.headers.push_back(normalize_header(h));
        columns.push_back(std::move(c));
    }
    for (auto const& level : plan.levels) {
        auto const prefixes = level_prefixes(level);
        for (auto const& per : kPerLevel) {
            CsvColumn c;
            c.key = level.id + std::string(per.key_suffix);
            c.name_cn = prefixes.front() + std::string(*per.cn_suffixes.begin());
            c.field = per.field;
            c.level = level.id;
            c.headers.push_back(normalize_header(c.key));
            for (auto const& prefix : prefixes)
                for (auto const suffix : per.cn_suffixes)
                    c.headers.push_back(normalize_header(prefix + std::string(suffix)));
            columns.push_back(std::move(c));
        }
    }
    return columns;
}

std::string canonical_action(std::string_view text) {
    static std::initializer_list<std::pair<std::string_view, std::string_view>> const kChinese = {
        {"停产", "stop"},         {"停止生产", "stop"},
        {"限产", "limit"},        {"延长结焦时间", "extend_time"},
        {"浓度限值", "conc_cap"}, {"运输管控", "transport"},
        {"自主减排", "self"},     {"保障", "guarantee"},
        {"其他", "other"}};
    text = trim(text);
    for (auto const& [cn, action] : kChinese)
        if (text == cn) return std::string(action);
    return ascii_lower(text);
}

std::string canonical_pollutant(std::string_view text) {
    static std::initializer_list<std::pair<std::string_view, std::string_view>> const kNames = {
        {"so2", "SO2"},      {"nox", "NOx"},      {"pm", "PM"},     {"vocs", "VOCs"},
        {"二氧化硫", "SO2"}, {"氮氧化物", "NOx"}, {"颗粒物", "PM"}, {"挥发性有机物", "VOCs"}};
    text = trim(text);
    auto const lower = ascii_lower(text);
    for (auto const& [name, canonical] : kNames)
        if (lower == name) return std::string(canonical);
    return std::string(text);
}

std::string csv_column_key(std::vector<std::string> const& t, Enterprise const& e) {
    if (t.size() < 3) return {};
    auto const& field = t[2];
    if (field == "baseline_t_per_year") {
        if (t.size() < 4) return "so2_t_per_year";
        auto const pollutant = canonical_pollutant(t[3]);
        return is_pollutant(pollutant) ? normalize_header(pollutant) + "_t_per_year" : std::string{};
    }
    if (field == "contacts") {
        if (t.size() < 5) return "contact_phone";
        return "contact_" + t[4];
    }
    if (field == "measures") {
        if (t.size() < 4) return {};
        auto const k = static_cast<std::size_t>(std::stoul(t[3]));
        if (k >= e.measures.size() || e.measures[k].level.empty()) return {};
        auto const& level = e.measures[k].level;
        std::string const part = t.size() < 5 ? "level" : t[4];
        if (part == "lines") return level + "_lines";
        if (part == "action") return level + "_action";
        if (part == "parameter") return level + "_parameter";
        if (part == "reductions_t_per_day") return level + "_reductions";
        if (part == "transport") return level + "_transport";
        return level + "_measure";
    }
    return field;  // credit_code, name, district, ..., lines, operating_days
}

}  // namespace hazeguard::engine::detail
