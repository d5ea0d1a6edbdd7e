#include "plans/plan_parser.hpp"

#include <algorithm>
#include <exception>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plans/detail/json_reader.hpp"
#include "plans/detail/documents_reader.hpp"
#include "plans/detail/evaluation_reader.hpp"
#include "plans/detail/public_alert_reader.hpp"
#include "plans/detail/list_rules_reader.hpp"

namespace hazeguard::plans {

namespace {

using detail::child_pointer;
using detail::in_quotes;
using detail::Json;
using detail::JsonReader;

constexpr std::string_view format_id = "hazeguard-plan/1";
constexpr int max_aqi = 500;
constexpr int max_run_days = 30;
constexpr int unbounded = std::numeric_limits<int>::max();

// initializer_list at namespace scope keeps its backing array alive for the program's lifetime.
std::initializer_list<std::string_view> const top_level_members = {
    "format", "id", "version", "name_cn", "city_cn", "utc_offset", "levels", "assessment",
    "rule_sets", "authorities", "time_limits", "fluctuation", "lift", "episode_merge_hours",
    "pollutant_paths", "unknown_pollutant_path", "reduction_targets",
    "baseline_emissions_t_per_day", "public_measures", "districts", "industries",
    "non_key_industry", "grades", "self_determined_grades", "stop_grades", "guarantee_types", "guarantee_grades",
    "measure_catalog", "orders", "evaluation", "public_alert", "documents", "notes"};
std::initializer_list<std::string_view> const response_paths = {"full_response", "health_advisory", "excluded"};
std::initializer_list<std::string_view> const reduction_pollutants = {"SO2", "NOx", "PM", "VOCs"};
std::initializer_list<std::string_view> const measure_sectors = {
    "health", "advocacy", "industrial", "mobile", "dust", "other"};

bool is_level_id(std::string_view id) {
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "±HH:MM", HH <= 14 (the widest offset in use is +14:00), MM < 60.
bool is_utc_offset(std::string_view s) {
    if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
    if (!is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[4]) || !is_digit(s[5])) return false;
    int const hours = (s[1] - '0') * 10 + (s[2] - '0');
    int const minutes = (s[4] - '0') * 10 + (s[5] - '0');
    return hours <= 14 && minutes < 60;
}

/// Reads one plan document; every problem goes to the reader, reading never stops early.
class PlanReader {
public:
    explicit PlanReader(std::vector<PlanProblem>& problems) : r_(problems) {}

    Plan read(Json const& root) {
        r_.check_unknown_keys(root, "", top_level_members);
        read_header(root);
        read_levels(root);
        read_rule_sets(root);
        read_assessment(root);
        read_authorities(root);
        read_workflow_settings(root);
        read_pollutant_paths(root);
        read_reduction_targets(root);
        read_baseline(root);
        read_public_measures(root);
        detail::read_list_rules(r_, root, plan_, levels_readable_);
        detail::read_evaluation(r_, root, plan_, levels_readable_);
        detail::read_public_alert(r_, root, plan_, levels_readable_);
        detail::read_documents(r_, root, plan_, levels_readable_);
        read_notes(root);
        return std::move(plan_);
    }

private:
    // References are only checked when the levels list itself was readable, so that a missing
    // or broken "levels" is reported once rather than at every reference.
    bool check_level_ref(std::string const& id, std::string const& pointer) {
        if (!levels_readable_ || plan_.rank(id)) return true;
        r_.report(pointer, "unknown level " + in_quotes(id));
        return false;
    }

    std::optional<std::string> required_level(Json const& obj, std::string const& p,
                                              std::string_view key) {
        auto id = r_.required_string(obj, p, key);
        if (id && !check_level_ref(*id, child_pointer(p, key))) return std::nullopt;
        return id;
    }

    void read_header(Json const& root) {
        if (auto format = r_.required_string(root, "", "format"); format && *format != format_id)
            r_.report("/format", "unsupported format " + in_quotes(*format) + "; expected " +
                                     in_quotes(format_id));
        plan_.id = r_.required_string(root, "", "id").value_or("");
        plan_.version = r_.required_string(root, "", "version").value_or("");
        plan_.name_cn = r_.required_string(root, "", "name_cn").value_or("");
        plan_.city_cn = r_.required_string(root, "", "city_cn").value_or("");
        auto offset = r_.required_string(root, "", "utc_offset");
        if (offset && !is_utc_offset(*offset))
            r_.report("/utc_offset",
                      "expected \"+HH:MM\" or \"-HH:MM\" with HH <= 14 and MM < 60, got " +
                          in_quotes(*offset));
        else if (offset)
            plan_.utc_offset = *offset;
    }

    void read_levels(Json const& root) {
        auto const* levels = r_.required_array(root, "", "levels", true);
        if (!levels) return;
        levels_readable_ = true;
        std::vector<std::string> seen;
        r_.for_each_object(*levels, "/levels", [&](Json const& v, std::string const& p) {
            r_.check_unknown_keys(v, p, {"id", "name_cn", "name_en", "pre_stage"});
            Level level;
            auto id = r_.required_string(v, p, "id");
            level.name_cn = r_.required_string(v, p, "name_cn").value_or("");
            level.name_en = r_.required_string(v, p, "name_en").value_or("");
            level.pre_stage = r_.optional_bool(v, p, "pre_stage").value_or(false);
            if (!id) return;
            if (!is_level_id(*id))
                r_.report(p + "/id", "level id " + in_quotes(*id) + " must match ^[a-z_]+$");
            if (!r_.check_unique(seen, *id, p + "/id", "level id")) return;
            level.id = *id;
            plan_.levels.push_back(std::move(level));
        });
    }

    std::optional<Condition> read_condition(Json const& v, std::string const& p) {
        r_.check_unknown_keys(v, p, {"aqi_above", "days"});
        auto aqi = r_.required_int(v, p, "aqi_above", 0, max_aqi);
        auto days = r_.required_int(v, p, "days", 1, max_run_days);
        if (!aqi || !days) return std::nullopt;
        return Condition{*aqi, *days};
    }

    Criterion read_criterion(Json const& rule, std::string const& p) {
        Criterion criterion;
        auto const* any_of = r_.required_array(rule, p, "any_of", true);
        if (!any_of) return criterion;
        r_.for_each_object(*any_of, p + "/any_of", [&](Json const& group, std::string const& gp) {
            r_.check_unknown_keys(group, gp, {"all_of"});
            auto const* all_of = r_.required_array(group, gp, "all_of", true);
            if (!all_of) return;
            std::vector<Condition> conditions;
            r_.for_each_object(*all_of, gp + "/all_of", [&](Json const& c, std::string const& cp) {
                if (auto condition = read_condition(c, cp)) conditions.push_back(*condition);
            });
            criterion.any_of.push_back(std::move(conditions));
        });
        return criterion;
    }

    LevelRule read_rule(Json const& v, std::string const& p) {
        r_.check_unknown_keys(v, p, {"level", "any_of", "lift_below"});
        LevelRule rule;
        rule.level = required_level(v, p, "level").value_or("");
        rule.criterion = read_criterion(v, p);
        rule.lift_below = r_.required_int(v, p, "lift_below", 0, max_aqi).value_or(0);
        return rule;
    }

    // Rules are evaluated in order and the first that holds wins, so they must run from the
    // highest rank down, each level at most once.
    void check_rule_order(RuleSet const& set, std::string const& p) {
        std::vector<int> ranks;
        for (std::size_t i = 0; i < set.rules.size(); ++i) {
            auto const rank = plan_.rank(set.rules[i].level);
            if (!rank) continue;
            auto const pointer = child_pointer(p + "/rules", i) + "/level";
            if (std::find(ranks.begin(), ranks.end(), *rank) != ranks.end())
                r_.report(pointer, "level " + in_quotes(set.rules[i].level) +
                                       " already has a rule in this rule set");
            else if (!ranks.empty() && *rank > ranks.back())
                r_.report(pointer, "rules must be ordered from the highest level to the lowest; " +
                                       in_quotes(set.rules[i].level) + " must come before " +
                                       in_quotes(plan_.level_at(ranks.back()).id));
            ranks.push_back(*rank);
        }
    }

    void read_rule_sets(Json const& root) {
        auto const* sets = r_.required_array(root, "", "rule_sets", true);
        if (!sets) return;
        rule_sets_readable_ = true;
        std::vector<std::string> seen;
        r_.for_each_object(*sets, "/rule_sets", [&](Json const& v, std::string const& p) {
            r_.check_unknown_keys(v, p, {"id", "title_cn", "source", "rules"});
            RuleSet set;
            auto id = r_.required_string(v, p, "id");
            if (id && r_.check_unique(seen, *id, p + "/id", "rule set id")) set.id = *id;
            set.title_cn = r_.required_string(v, p, "title_cn").value_or("");
            set.source = r_.required_string(v, p, "source").value_or("");
            if (auto const* rules = r_.required_array(v, p, "rules", true))
                r_.for_each_object(*rules, p + "/rules",
                                   [&](Json const& rule, std::string const& rp) {
                                       set.rules.push_back(read_rule(rule, rp));
                                   });
            check_rule_order(set, p);
            plan_.rule_sets.push_back(std::move(set));
        });
    }

    void read_assessment(Json const& root) {
        auto const* a = r_.required_object(root, "", "assessment");
        if (!a) return;
        r_.check_unknown_keys(*a, "/assessment", {"default_rule_set", "forecast_value"});
        auto id = r_.required_string(*a, "/assessment", "default_rule_set");
        if (id && rule_sets_readable_ && !plan_.rule_set(*id))
            r_.report("/assessment/default_rule_set", "unknown rule set " + in_quotes(*id));
        plan_.default_rule_set = id.value_or("");
        if (auto value = r_.required_enum(*a, "/assessment", "forecast_value", {"central", "high"}))
            plan_.forecast_value = *value;
    }

    void read_authorities(Json const& root) {
        auto const* list = r_.required_array(root, "", "authorities", true);
        if (!list) return;
        std::vector<std::string> seen;
        r_.for_each_object(*list, "/authorities", [&](Json const& v, std::string const& p) {
            r_.check_unknown_keys(v, p, {"id", "name_cn", "levels"});
            Authority authority;
            auto id = r_.required_string(v, p, "id");
            if (id && r_.check_unique(seen, *id, p + "/id", "authority id")) authority.id = *id;
            authority.name_cn = r_.required_string(v, p, "name_cn").value_or("");
            auto const* levels = r_.required_array(v, p, "levels", true);
            for (std::size_t i = 0; levels && i < levels->size(); ++i) {
                auto const lp = child_pointer(p + "/levels", i);
                auto level = r_.string_value((*levels)[i], lp);
                if (level && check_level_ref(*level, lp)) authority.levels.push_back(*level);
            }
            plan_.authorities.push_back(std::move(authority));
        });
    }

    int positive(Json const& obj, std::string const& p, std::string_view key) {
        return r_.required_int(obj, p, key, 1, unbounded).value_or(0);
    }

    void read_workflow_settings(Json const& root) {
        if (auto const* t = r_.required_object(root, "", "time_limits")) {
            std::string const p = "/time_limits";
            r_.check_unknown_keys(*t, p,
                                  {"approval_form_hours", "signature_hours", "distribution_hours", "advance_notice_hours",
                                   "extension_reminder_hours"});
            plan_.time_limits.approval_form_hours = positive(*t, p, "approval_form_hours");
            plan_.time_limits.signature_hours = positive(*t, p, "signature_hours");
            plan_.time_limits.distribution_hours = positive(*t, p, "distribution_hours");
            if (t->contains("extension_reminder_hours"))
                plan_.time_limits.extension_reminder_hours =
                    r_.required_int(*t, p, "extension_reminder_hours", 0, 24 * 7).value_or(0);
            if (auto const it = t->find("advance_notice_hours"); it != t->end() && r_.expect_object(*it, p + "/advance_notice_hours"))
                for (auto const& item : it->items()) {
                    if (item.key() == detail::comment_key) continue;
                    auto const ip = child_pointer(p + "/advance_notice_hours", item.key());
                    if (!check_level_ref(item.key(), ip)) continue;
                    if (auto hours = r_.int_value(item.value(), ip, 1, 24 * 14))
                        plan_.time_limits.advance_notice_hours[item.key()] = *hours;
                }
        }
        if (auto const* f = r_.required_object(root, "", "fluctuation")) {
            r_.check_unknown_keys(*f, "/fluctuation", {"window_days", "min_crossings"});
            plan_.fluctuation.window_days = positive(*f, "/fluctuation", "window_days");
            plan_.fluctuation.min_crossings = positive(*f, "/fluctuation", "min_crossings");
        }
        if (auto const* l = r_.required_object(root, "", "lift")) {
            r_.check_unknown_keys(*l, "/lift", {"min_hours_below"});
            plan_.lift.min_hours_below = positive(*l, "/lift", "min_hours_below");
        }
        plan_.episode_merge_hours = positive(root, "", "episode_merge_hours");
    }

    void read_pollutant_paths(Json const& root) {
        if (auto const* list = r_.required_array(root, "", "pollutant_paths", false)) {
            std::vector<std::string> seen;
            r_.for_each_object(*list, "/pollutant_paths", [&](Json const& v, std::string const& p) {
                r_.check_unknown_keys(v, p, {"pollutant", "path", "note_cn"});
                PollutantPath entry;
                auto pollutant = r_.required_string(v, p, "pollutant");
                if (pollutant) r_.check_unique(seen, *pollutant, p + "/pollutant", "pollutant");
                entry.pollutant = pollutant.value_or("");
                entry.path = r_.required_enum(v, p, "path", response_paths).value_or("");
                entry.note_cn = r_.optional_string(v, p, "note_cn").value_or("");
                plan_.pollutant_paths.push_back(std::move(entry));
            });
        }
        if (auto path = r_.required_enum(root, "", "unknown_pollutant_path", response_paths))
            plan_.unknown_pollutant_path = *path;
    }

    // Reads {"SO2": n, ...} at `p`, each n in [0, max]; "$comment" is skipped.
    std::map<std::string, double> read_pollutant_amounts(Json const& v, std::string const& p,
                                                         double max) {
        std::map<std::string, double> amounts;
        if (!r_.expect_object(v, p)) return amounts;
        for (auto const& item : v.items()) {
            if (item.key() == detail::comment_key) continue;
            auto const ip = child_pointer(p, item.key());
            bool const known = r_.check_enum(item.key(), ip, "pollutant", reduction_pollutants);
            auto amount = r_.number_value(item.value(), ip, 0.0, max);
            if (known && amount) amounts[item.key()] = *amount;
        }
        return amounts;
    }

    void read_reduction_targets(Json const& root) {
        auto const* targets = r_.required_object(root, "", "reduction_targets");
        if (!targets) return;
        for (auto const& item : targets->items()) {
            if (item.key() == detail::comment_key) continue;
            auto const p = child_pointer("/reduction_targets", item.key());
            bool const known = check_level_ref(item.key(), p);
            auto amounts = read_pollutant_amounts(item.value(), p, 100.0);
            if (known) plan_.reduction_targets[item.key()] = std::move(amounts);
        }
    }

    void read_baseline(Json const& root) {
        if (auto const* b = r_.required_object(root, "", "baseline_emissions_t_per_day"))
            plan_.baseline_emissions_t_per_day = read_pollutant_amounts(
                *b, "/baseline_emissions_t_per_day", std::numeric_limits<double>::infinity());
    }

    void read_public_measures(Json const& root) {
        auto const* list = r_.required_array(root, "", "public_measures", false);
        if (!list) return;
        r_.for_each_object(*list, "/public_measures", [&](Json const& v, std::string const& p) {
            r_.check_unknown_keys(v, p, {"level", "sector", "text_cn"});
            PublicMeasure measure;
            measure.level = required_level(v, p, "level").value_or("");
            measure.sector = r_.required_enum(v, p, "sector", measure_sectors).value_or("");
            measure.text_cn = r_.required_string(v, p, "text_cn").value_or("");
            plan_.public_measures.push_back(std::move(measure));
        });
    }

    // Notes are for readers of the file only; they are checked but not kept.
    void read_notes(Json const& root) {
        auto const* notes = JsonReader::optional(root, "notes");
        if (!notes || !r_.expect_array(*notes, "/notes", false)) return;
        for (std::size_t i = 0; i < notes->size(); ++i)
            r_.string_value((*notes)[i], child_pointer("/notes", i), false);
    }

    JsonReader r_;
    Plan plan_;
    bool levels_readable_ = false;
    bool rule_sets_readable_ = false;
};

// nlohmann messages start with "[json.exception.parse_error.101] ", an id that means nothing to
// plan authors, and end with "; last read: '<bytes>'; expected ...", which quotes the input: bytes
// that may be invalid UTF-8 or control characters. Both go; what is left (the line, the column and
// what is wrong) is the parser's own text.
std::string json_error_message(std::string_view what) {
    auto const end = what.find("] ");
    what.remove_prefix(end == std::string_view::npos ? 0 : end + 2);
    return std::string(what.substr(0, what.find("; last read: ")));
}

}  // namespace

PlanParseResult parse_plan(std::string_view json_text) {
    PlanParseResult result;
    Json root;
    try {
        root = Json::parse(json_text);
    } catch (Json::exception const& e) {   // parse_error, or out_of_range for a number such as 1e999
        result.problems.push_back({"", json_error_message(e.what())});
        return result;
    }
    try {
        if (!root.is_object()) {
            auto const type = std::string(detail::type_name(root));
            result.problems.push_back({"", "the plan must be a JSON object, got " + type});
            return result;
        }
        result.plan = PlanReader(result.problems).read(root);
    } catch (std::exception const& e) {
        result.problems.push_back({"", std::string("internal error: ") + e.what()});
    }
    // A half-read plan must not be mistaken for a usable one.
    if (!result.ok()) result.plan = Plan{};
    return result;
}

}  // namespace hazeguard::plans
