// generate_list: the ten §13 samples, then plants drawn from Taiyuan-like distributions
// (docs/list-format.md §"Generator"). Only std::mt19937_64's raw output is used, mapped to numbers
// by hand, so a seed gives the same list with every standard library.
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/enterprises/detail/generator_profiles.hpp"
#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using detail::IndustryProfile;

constexpr double kMeasureShare = 0.5;       // plants with their own per-level measures
constexpr double kSimpleNonKeyShare = 0.8;  // 引领性/非引领性 plants outside the key industries
constexpr double kGuaranteeShare = 0.03;    // non-key plants that are guarantee plants
constexpr double kBaseKwhPerDay = 2000;       // a plant's electricity use before its emitting lines
constexpr double kKwhPerDayPerTonne = 60;    // kWh per day per tonne of yearly baseline emissions
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::string_view kTruckBan = "国四及以下排放标准重型载货车辆禁止进出厂区";

class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::size_t below(std::size_t n) {
        auto const i = static_cast<std::size_t>(unit() * static_cast<double>(n));
        return i < n ? i : n - 1;
    }
    bool chance(double p) { return unit() < p; }
    // Index drawn with probability weights[i] / sum.
    std::size_t weighted(std::vector<double> const& weights, double sum) {
        double x = unit() * sum;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937_64 engine_;
};

struct Choice {
    std::vector<std::string> items;
    std::vector<double> weights;
    double sum = 0;
    void add(std::string item, double weight) {
        if (weight <= 0) return;
        items.push_back(std::move(item));
        weights.push_back(weight);
        sum += weight;
    }
    std::string const& pick(Random& random) const { return items[random.weighted(weights, sum)]; }
};

// Rounded to `decimals` places; dividing the rounded integer gives the double nearest the decimal.
double round_to(double value, int decimals) {
    double scale = 1;
    for (int k = 0; k < decimals; ++k) scale *= 10;   // exact, unlike a library pow on some platforms
    return std::round(value * scale) / scale;
}

bool listed(std::vector<std::string> const& items, std::string_view value) {
    for (auto const& item : items)
        if (item == value) return true;
    return false;
}

// One per-level step of a generated plant's measures.
struct Step {
    std::string text;
    std::string action;
    std::optional<double> parameter;
    std::vector<std::string> lines;
    double cut = 0;  // fraction of the daily baseline removed
};

class Generator {
public:
    Generator(plans::Plan const& plan, std::uint64_t seed)
        : plan_(plan), random_(seed), offset_(seed % kOrgSpace) {
        if (plan.districts.empty())
            for (auto const d : detail::taiyuan_districts())
                districts_.add(std::string(d), detail::district_weight(d));
        for (auto const& d : plan.districts) districts_.add(d, detail::district_weight(d));
        for (auto const& g : detail::grade_mix())
            if (plan.grades.empty() || listed(plan.grades, g.grade))
                grades_.add(std::string(g.grade), g.share);
        for (auto const& i : plan.industries) industries_.add(i, detail::industry_profile(i).weight);
        self_ = plan.self_determined_grades.empty() ? std::vector<std::string>{"A+", "A", "引领性"}
                                                    : plan.self_determined_grades;
        stop_ = plan.stop_grades.empty() ? std::vector<std::string>{"D"} : plan.stop_grades;
        for (auto const& level : plan.levels)
            if (!level.pre_stage) warning_levels_.push_back(level.id);
    }

    Enterprise plant(std::size_t index) {
        Enterprise e;
        e.district = districts_.pick(random_);
        e.grade = grades_.items.empty() ? std::string("C") : grades_.pick(random_);
        bool const non_key = industries_.items.empty() ||
                             (detail::simple_grade(e.grade) && random_.chance(kSimpleNonKeyShare));
        e.industry = non_key ? plan_.non_key_industry : industries_.pick(random_);
        settle_exited_industry(e);
        auto const& profile = non_key ? detail::non_key_profile() : detail::industry_profile(e.industry);
        e.credit_code = credit_code(e.district, index);
        e.name = unique_name(e.district, profile);
        e.operating_days = profile.continuous ? 330 : 300;
        add_lines(e, profile);
        for (std::size_t p = 0; p < 4; ++p) {
            auto const [low, high] = profile.baseline[p];
            double const u = random_.unit();
            e.baseline_t_per_year[std::string(detail::kPollutants[p])] =
                round_to(low + (high - low) * u * u, 2);
        }
        // Normal electricity use grows with the plant's size; derived, so the random stream is unchanged.
        double total_t = 0;
        for (auto const& [pollutant, t] : e.baseline_t_per_year) total_t += t;
        e.baseline_kwh_per_day = round_to(kBaseKwhPerDay + total_t * kKwhPerDayPerTonne, 0);
        if (non_key && !plan_.guarantee_types.empty() && random_.chance(kGuaranteeShare))
            e.guarantee = plan_.guarantee_types[random_.below(plan_.guarantee_types.size())];
        if (e.guarantee.empty() && !listed(self_, e.grade) && random_.chance(kMeasureShare))
            add_measures(e, non_key);
        auto const given = detail::given_names();
        e.contacts.push_back({"环保负责人",
                              std::string(detail::surnames()[random_.below(detail::surnames().size())]) +
                                  std::string(given[random_.below(given.size())]),
                              phone()});
        return e;
    }

private:
    // Seed item 10 (2024 action plan): fired brick and lime have left the six urban districts,
    // and fired brick below grade B has left the city: such a plant is drawn again elsewhere, or
    // in another industry.
    void settle_exited_industry(Enterprise& e) {
        auto const below_b = [&] { return e.grade != "A+" && e.grade != "A" && e.grade != "B"; };
        for (int tries = 0; tries < 32 && detail::needs_grade_b(e.industry) && below_b(); ++tries)
            e.industry = industries_.pick(random_);
        if (!detail::left_urban_districts(e.industry)) return;
        for (int tries = 0; tries < 32 && detail::urban_district(e.district); ++tries) e.district = districts_.pick(random_);
    }

    static constexpr std::uint64_t kOrgTail = 887503681;  // 31^6
    static constexpr std::uint64_t kOrgSpace = 30 * kOrgTail;
    static constexpr std::uint64_t kOrgStride = 1000003;  // prime, coprime with kOrgSpace

    // "91" + division code + "MA" + 7 characters + check. The 7 characters are a bijection of the
    // index, and never start with '0', so they cannot meet the samples' "MA0TE…" codes.
    std::string credit_code(std::string const& district, std::size_t index) const {
        std::uint64_t v = (static_cast<std::uint64_t>(index) * kOrgStride + offset_) % kOrgSpace;
        std::string code = "91" + std::string(detail::district_code(district)) + "MA";
        code += kAlphabet[1 + v / kOrgTail];
        v %= kOrgTail;
        char tail[6];
        for (int k = 5; k >= 0; --k, v /= 31) tail[k] = kAlphabet[v % 31];
        code.append(tail, 6);
        code += credit_code_check_char(code);
        return code;
    }

    std::string unique_name(std::string const& district, IndustryProfile const& profile) {
        auto const words = detail::trade_words();
        std::string const base = std::string(detail::district_short(district)) +
                                 std::string(words[random_.below(words.size())]) +
                                 std::string(words[random_.below(words.size())]) + "示例" +
                                 std::string(profile.company_word) + "有限公司";
        // A repeated name becomes a branch (分公司); no base name ends like that, so this is unique.
        int const seen = ++names_[district + '\n' + base];
        return seen == 1 ? base : base + "第" + std::to_string(seen) + "分公司";
    }

    void add_lines(Enterprise& e, IndustryProfile const& profile) {
        double const u = random_.unit();
        std::size_t const n = u < 0.35 ? 1 : u < 0.70 ? 2 : u < 0.90 ? 3 : 4;
        for (std::size_t k = 1; k <= n; ++k) {
            ProductionLine line;
            line.id = std::string(profile.line_prefix) + "-" + std::to_string(k);
            line.name = std::string(profile.line_name) + (n > 1 ? "（" + std::to_string(k) + "号）" : "");
            line.process = std::string(profile.process);
            e.lines.push_back(std::move(line));
        }
    }

    // Stops the last half of the lines, or limits the whole plant when it has one line.
    static Step half(Enterprise const& e) {
        std::size_t const n = e.lines.size();
        if (n < 2) return {"限产50%", "limit", 0.5, {}, 0.5};
        Step s{"停产" + std::to_string(n) + "条生产线中的" + std::to_string(n / 2) + "条",
               "stop",
               std::nullopt,
               {},
               0};
        for (std::size_t k = n - n / 2; k < n; ++k) s.lines.push_back(e.lines[k].id);
        s.cut = static_cast<double>(n / 2) / static_cast<double>(n);
        return s;
    }

    Step step(Enterprise const& e, std::size_t rank) const {
        if (listed(stop_, e.grade)) return {"停产", "stop", std::nullopt, {}, 1};
        if (e.grade == "B" || e.grade == "B-") {
            if (rank == 0) return {"重污染天气期间落实运输管控措施", "transport", std::nullopt, {}, 0};
            if (rank == 1) return {"限产30%", "limit", 0.3, {}, 0.3};
            return half(e);
        }
        if (rank == 0) return half(e);
        return {"停产", "stop", std::nullopt, {}, 1};
    }

    void add_measures(Enterprise& e, bool non_key) {
        auto const per_day = e.baseline_t_per_day();
        for (std::size_t rank = 0; rank < warning_levels_.size(); ++rank) {
            Step s = step(e, rank);
            LevelMeasure m;
            m.level = warning_levels_[rank];
            m.text = std::move(s.text);
            m.action = std::move(s.action);
            m.parameter = s.parameter;
            m.lines = std::move(s.lines);
            for (auto const& [pollutant, t] : per_day)
                m.reductions_t_per_day[pollutant] = round_to(t * s.cut, 3);
            if (!non_key) m.transport = std::string(kTruckBan);
            e.measures.push_back(std::move(m));
        }
    }

    std::string phone() {
        static constexpr char kSecond[] = {'3', '5', '8', '9'};
        std::string out = "1";
        out += kSecond[random_.below(4)];
        for (int k = 0; k < 9; ++k) out += static_cast<char>('0' + random_.below(10));
        return out;
    }

    plans::Plan const& plan_;
    Random random_;
    std::uint64_t offset_;
    Choice districts_, grades_, industries_;
    std::vector<std::string> self_, stop_, warning_levels_;
    std::unordered_map<std::string, int> names_;  // district + name → times used
};

}  // namespace

void generate_list(plans::Plan const& plan, std::size_t count, std::uint64_t seed,
                   std::function<void(Enterprise const&)> const& each) {
    auto const& samples = detail::sample_enterprises().enterprises;
    for (std::size_t i = 0; i < samples.size() && i < count; ++i) each(samples[i]);
    Generator generator(plan, seed);
    for (std::size_t i = samples.size(); i < count; ++i) each(generator.plant(i - samples.size()));
}

EnterpriseList generate_list(plans::Plan const& plan, std::size_t count, std::uint64_t seed) {
    EnterpriseList list;
    list.enterprises.reserve(count);
    generate_list(plan, count, seed, [&](Enterprise const& e) { list.enterprises.push_back(e); });
    return list;
}

}  // namespace hazeguard::engine
