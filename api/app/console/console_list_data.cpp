// The list pages' data: the lists service's views turned into rows a template shows.
#include "api/app/console/console_list_data.hpp"

#include <map>

#include "api/app/console/console_view.hpp"
#include "api/app/route.hpp"
#include "engine/enterprises/list_problem_text.hpp"

namespace hazeguard::api::console_list {
using nlohmann::json;

namespace {

std::string source_cn(std::string const& source) {
    if (source == "api") return "接口导入";
    if (source == "console") return "控制台导入";
    if (source.rfind("sample:", 0) == 0) return "示例清单" + source.substr(7) + "家";
    return "文件导入（" + source + "）";  // hazeguard list import FILE, serve --list FILE
}

json version_row(service::ViewContext const& views, ports::ListVersion const& v) {
    return {{"version", v.version}, {"imported_cn", time_cn(views.local(v.imported_at))}, {"imported_by", v.imported_by},
            {"source_cn", source_cn(v.source)}, {"count", v.count}, {"sha_short", v.sha256.substr(0, 12)}};
}

json counted(std::map<std::string, std::int64_t> const& counts) {
    json rows = json::array();
    for (auto const& [name, count] : counts) rows.push_back({{"name", name.empty() ? "（未填）" : name}, {"count", count}});
    return rows;
}

// The row a problem is in, from its pointer: a JSON entry (/enterprises/I: the (I+1)-th), a CSV
// row (/rows/N), the header, or the file.
std::string row_cn(std::string const& pointer) {
    auto const number = [&](std::size_t from, int plus) {
        auto const end = pointer.find('/', from);
        auto const digits = pointer.substr(from, end == std::string::npos ? std::string::npos : end - from);
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return std::string();
        return std::to_string(std::stol(digits) + plus);
    };
    if (pointer.rfind("/enterprises/", 0) == 0) {
        auto const n = number(13, 1);
        if (!n.empty()) return "第" + n + "家";
    }
    if (pointer.rfind("/rows/", 0) == 0) {
        auto const n = number(6, 0);
        if (!n.empty()) return "第" + n + "行";
    }
    if (pointer.rfind("/header", 0) == 0) return "表头";
    return "全文";
}

json problem_row(std::string const& pointer, std::string const& message) {
    return {{"row_cn", row_cn(pointer)}, {"field_cn", engine::problem_field_cn(pointer)},
            {"text", engine::problem_sentence_cn(message).value_or(message)}};
}

// A changed field as the page says it: "绩效分级：B → A", or the field alone for lines, measures …
std::string field_change_cn(service::FieldChange const& f) {
    auto name = engine::problem_field_cn("/" + f.field);
    if (name.empty()) name = f.field;
    auto const text = [](json const& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "（无）" : v.dump(); };
    if (f.before.is_null() && f.after.is_null()) return name;
    return name + "：" + text(f.before) + " → " + text(f.after);
}

}  // namespace

json lists_data(service::Service& s) {
    json data{{"versions", json::array()}};
    auto const versions = s.lists().versions();
    for (auto const& v : versions) data["versions"].push_back(version_row(s.views(), v));
    data["has_versions"] = !versions.empty();
    if (versions.empty()) return data;
    data["versions"][0]["current"] = true;
    auto const sheet = s.lists().current_list();
    data["current"] = version_row(s.views(), sheet.version);
    data["grades"] = counted(sheet.by_grade);
    data["districts"] = counted(sheet.by_district);
    if (versions.size() > 1) {
        data["compare"] = {{"from", versions[1].version}, {"to", versions[0].version}, {"choices", json::array()}};
        for (auto const& v : versions)
            data["compare"]["choices"].push_back({{"version", v.version},
                                                  {"from_selected", v.version == versions[1].version},
                                                  {"to_selected", v.version == versions[0].version}});
    }
    return data;
}

json clean_check_data(service::ListImport const& dry_run) {
    json warnings = json::array();
    for (auto const& w : dry_run.warnings) warnings.push_back(problem_row(w.pointer, w.message));
    return {{"clean", true}, {"count", dry_run.version.count}, {"warnings", warnings}, {"has_warnings", !warnings.empty()}};
}

json problems_data(service::Error const& refusal) {
    json rows = json::array();
    std::size_t total = refusal.errors.size();
    if (refusal.code == service::Errc::malformed_json) {
        rows.push_back({{"row_cn", "全文"}, {"field_cn", ""}, {"text", engine::problem_sentence_cn(refusal.detail).value_or(refusal.detail)}});
        total = 1;
    } else {
        for (std::size_t k = 0; k < refusal.errors.size() && k < kShownProblems; ++k)
            rows.push_back(problem_row(refusal.errors[k].pointer, refusal.errors[k].message));
    }
    json data{{"clean", false}, {"problem_count", total}, {"problems", rows}};
    if (total > rows.size()) data["more"] = total - rows.size();
    return data;
}

json changes_data(service::Service& s, service::ListChangesQuery const& query) {
    auto const page = s.lists().changes(query);
    json data{{"from", version_row(s.views(), page.from)}, {"to", version_row(s.views(), page.to)}, {"changes", json::array()}};
    if (page.counts)
        data["counts"] = {{"added", page.counts->added}, {"removed", page.counts->removed}, {"changed", page.counts->changed}};
    static std::map<std::string, std::string> const kKinds{{"added", "新增"}, {"removed", "删除"}, {"changed", "变更"}};
    for (auto const& c : page.changes) {
        std::string fields;
        for (auto const& f : c.fields) fields += (fields.empty() ? "" : "；") + field_change_cn(f);
        data["changes"].push_back({{"credit_code", c.credit_code}, {"name", c.name}, {"kind", c.kind},
                                   {"kind_cn", kKinds.at(c.kind)}, {"fields", fields}});
    }
    data["has_changes"] = !page.changes.empty();
    data["first_page"] = query.after.empty();
    if (page.next_after)
        data["next"] = "/lists/changes?from=" + std::to_string(query.from) + "&to=" + std::to_string(query.to) +
                       "&after=" + percent_encode(*page.next_after);
    return data;
}

}  // namespace hazeguard::api::console_list
