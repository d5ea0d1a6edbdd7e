#include "plans/detail/list_rules_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace hazeguard::plans::detail {

namespace {

/// The catalog's industry wildcard: the entry applies to any industry without its own entry.
constexpr std::string_view any_industry = "*";
constexpr int unbounded = std::numeric_limits<int>::max();

std::initializer_list<std::string_view> const catalog_actions = {"stop", "limit", "extend_time",
                                                                 "transport", "other"};
std::initializer_list<std::string_view> const cut_pollutants = {"SO2", "NOx", "PM", "VOCs"};
std::initializer_list<std::string_view> const catalog_members = {
    "industry", "grades", "level", "action", "text_cn", "transport_cn", "cut"};

bool contains(std::vector<std::string> const& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

/// For read_names: no check beyond non-empty and unique.
constexpr auto accept_any = [](std::string const&, std::string const&) { return true; };

/// One grade of a catalog entry and where it was written.
struct GradeAt {
    std::string grade;
    std::string pointer;
};

class ListRulesReader {
public:
    ListRulesReader(JsonReader& reader, Plan& plan, bool levels_readable)
        : r_(reader), plan_(plan), levels_readable_(levels_readable) {}

    void read(Json const& root) {
        read_names(root, "districts", true, "district", plan_.districts, accept_any);
        industries_readable_ = read_names(
            root, "industries", true, "industry", plan_.industries,
            [&](std::string const& name, std::string const& p) { return not_wildcard(name, p); });
        read_non_key_industry(root);
        grades_readable_ = read_names(root, "grades", true, "grade", plan_.grades, accept_any);
        read_names(root, "self_determined_grades", false, "grade", plan_.self_determined_grades,
                   [&](std::string const& grade, std::string const& p) {
                       return check_grade_ref(grade, p);
                   });
        read_names(root, "stop_grades", false, "grade", plan_.stop_grades,
                   [&](std::string const& grade, std::string const& p) {
                       if (!check_grade_ref(grade, p)) return false;
                       if (!contains(plan_.self_determined_grades, grade)) return true;
                       r_.report(p, "grade " + in_quotes(grade) +
                                        " is also in \"self_determined_grades\"");
                       return false;
                   });
        read_names(root, "guarantee_types", false, "guarantee type", plan_.guarantee_types,
                   accept_any);
        if (root.contains("guarantee_grades"))  // optional: without it guarantee plants' grades are not checked
            read_names(root, "guarantee_grades", false, "grade", plan_.guarantee_grades,
                       [&](std::string const& grade, std::string const& p) { return check_grade_ref(grade, p); });
        read_catalog(root);
        read_orders(root);
    }

private:
    // Reads member `key` of `root`: an array of non-empty, unique strings (non-empty itself when
    // `non_empty`). `check(name, pointer)` may reject an entry after reporting why. Returns true
    // when the array was readable, i.e. when references to its entries can be checked.
    template <class Check>
    bool read_names(Json const& root, std::string_view key, bool non_empty, std::string_view what,
                    std::vector<std::string>& out, Check check) {
        auto const* list = r_.required_array(root, "", key, non_empty);
        if (!list) return false;
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto const p = child_pointer(child_pointer("", key), i);
            auto name = r_.string_value((*list)[i], p);
            if (name && check(*name, p) && r_.check_unique(seen, *name, p, what))
                out.push_back(*name);
        }
        return true;
    }

    bool not_wildcard(std::string const& name, std::string const& pointer) {
        if (name != any_industry) return true;
        r_.report(pointer, "\"*\" is reserved for catalog entries that apply to any industry");
        return false;
    }

    void read_non_key_industry(Json const& root) {
        auto name = r_.required_string(root, "", "non_key_industry");
        if (!name || !not_wildcard(*name, "/non_key_industry")) return;
        if (contains(plan_.industries, *name)) {
            r_.report("/non_key_industry", in_quotes(*name) +
                                               " is one of the key industries in \"industries\"");
            return;
        }
        plan_.non_key_industry = *name;
    }

    bool check_grade_ref(std::string const& grade, std::string const& pointer) {
        if (!grades_readable_ || contains(plan_.grades, grade)) return true;
        r_.report(pointer, "unknown grade " + in_quotes(grade) + "; not in \"grades\"");
        return false;
    }

    bool check_industry_ref(std::string const& industry, std::string const& pointer) {
        if (!industries_readable_ || industry == any_industry || contains(plan_.industries, industry) ||
            industry == plan_.non_key_industry)
            return true;
        r_.report(pointer, "unknown industry " + in_quotes(industry) +
                               "; expected an entry of \"industries\", the non-key industry " +
                               in_quotes(plan_.non_key_industry) + " or \"*\"");
        return false;
    }

    // Nullopt when the level is unknown or the levels are unreadable.
    std::optional<Level> level_of(std::optional<std::string> const& id, std::string const& p) {
        if (!id) return std::nullopt;
        auto const rank = plan_.rank(*id);
        if (rank) return plan_.level_at(*rank);
        if (levels_readable_) r_.report(p, "unknown level " + in_quotes(*id));
        return std::nullopt;
    }

    // Grades of one catalog entry. At a warning level (not a pre-stage) the self-determined and
    // stop grades never reach the catalog (see select_order), so an entry for them is an error.
    std::vector<GradeAt> read_catalog_grades(Json const& v, std::string const& p,
                                             std::optional<Level> const& level) {
        std::vector<GradeAt> grades;
        auto const* list = r_.required_array(v, p, "grades", true);
        if (!list) return grades;
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto const gp = child_pointer(p + "/grades", i);
            auto grade = r_.string_value((*list)[i], gp);
            if (!grade || !check_grade_ref(*grade, gp) || !r_.check_unique(seen, *grade, gp, "grade"))
                continue;
            if (level && !level->pre_stage) {
                if (contains(plan_.self_determined_grades, *grade)) {
                    r_.report(gp, "grade " + in_quotes(*grade) +
                                      " determines its own reductions (\"self_determined_grades\"); "
                                      "a catalog entry for it at a warning level is never used");
                    continue;
                }
                if (contains(plan_.stop_grades, *grade)) {
                    r_.report(gp, "grade " + in_quotes(*grade) +
                                      " stops at every warning level (\"stop_grades\"); a catalog "
                                      "entry for it at a warning level is never used");
                    continue;
                }
            }
            grades.push_back({*grade, gp});
        }
        return grades;
    }

    // {"SO2": f, "NOx": f, "PM": f, "VOCs": f}, every pollutant required, each f in [0, 1].
    std::map<std::string, double> read_cut(Json const& cut, std::string const& p) {
        std::map<std::string, double> fractions;
        for (auto const& item : cut.items()) {
            if (item.key() == comment_key) continue;
            auto const ip = child_pointer(p, item.key());
            bool const known = r_.check_enum(item.key(), ip, "pollutant", cut_pollutants);
            auto fraction = r_.number_value(item.value(), ip, 0.0, 1.0);
            if (known && fraction) fractions[item.key()] = *fraction;
        }
        for (auto pollutant : cut_pollutants)
            if (!JsonReader::optional(cut, pollutant))
                r_.report(child_pointer(p, pollutant),
                          "missing required member " + in_quotes(pollutant));
        return fractions;
    }

    void read_catalog(Json const& root) {
        auto const* list = r_.required_array(root, "", "measure_catalog", false);
        if (!list) return;
        // (industry, grade, level) → pointer of the entry that first covered it
        std::map<std::tuple<std::string, std::string, std::string>, std::string> covered;
        r_.for_each_object(*list, "/measure_catalog", [&](Json const& v, std::string const& p) {
            r_.check_unknown_keys(v, p, catalog_members);
            CatalogMeasure entry;
            auto industry = r_.required_string(v, p, "industry");
            if (industry && !check_industry_ref(*industry, p + "/industry")) industry.reset();
            auto level_id = r_.required_string(v, p, "level");
            auto const level = level_of(level_id, p + "/level");
            auto const grades = read_catalog_grades(v, p, level);
            entry.action = r_.required_enum(v, p, "action", catalog_actions).value_or("");
            entry.text_cn = r_.required_string(v, p, "text_cn").value_or("");
            entry.transport_cn = r_.optional_string(v, p, "transport_cn").value_or("");
            if (auto const* cut = r_.required_object(v, p, "cut")) entry.cut = read_cut(*cut, p + "/cut");
            entry.industry = industry.value_or("");
            entry.level = level_id.value_or("");
            for (auto const& g : grades) {
                entry.grades.push_back(g.grade);
                if (!industry || !level_id) continue;
                auto const [it, inserted] =
                    covered.emplace(std::make_tuple(*industry, g.grade, *level_id), p);
                if (!inserted)
                    r_.report(g.pointer, "duplicate catalog entry for industry " + in_quotes(*industry) +
                                             ", grade " + in_quotes(g.grade) + ", level " +
                                             in_quotes(*level_id) + "; first at " + it->second);
            }
            plan_.measure_catalog.push_back(std::move(entry));
        });
    }

    void read_orders(Json const& root) {
        auto const* o = r_.required_object(root, "", "orders");
        if (!o) return;
        std::string const p = "/orders";
        r_.check_unknown_keys(*o, p, {"ack_hours", "execution_hours", "escalate_after_hours", "link_hours",
                                      "remind_before_minutes"});
        auto ack = r_.required_int(*o, p, "ack_hours", 1, unbounded);
        auto execution = r_.required_int(*o, p, "execution_hours", 1, unbounded);
        auto escalate = r_.required_int(*o, p, "escalate_after_hours", 1, unbounded);
        if (ack && execution && *execution < *ack)
            r_.report(p + "/execution_hours", "must not be less than ack_hours (" +
                                                  std::to_string(*ack) + "), got " +
                                                  std::to_string(*execution));
        plan_.orders.ack_hours = ack.value_or(0);
        plan_.orders.execution_hours = execution.value_or(0);
        plan_.orders.escalate_after_hours = escalate.value_or(0);
        if (JsonReader::optional(*o, "link_hours"))
            plan_.orders.link_hours = r_.required_int(*o, p, "link_hours", 1, 24 * 31).value_or(plan_.orders.link_hours);
        // Before the deadline: within the acknowledgement window, so never at or before the issue.
        if (JsonReader::optional(*o, "remind_before_minutes") && ack)
            plan_.orders.remind_before_minutes =
                r_.required_int(*o, p, "remind_before_minutes", 0, *ack * 60 - 1).value_or(0);
    }

    JsonReader& r_;
    Plan& plan_;
    bool levels_readable_ = false;
    bool industries_readable_ = false;
    bool grades_readable_ = false;
};

}  // namespace

void read_list_rules(JsonReader& reader, Json const& root, Plan& plan, bool levels_readable) {
    ListRulesReader(reader, plan, levels_readable).read(root);
}

}  // namespace hazeguard::plans::detail
