#include "engine/enterprises/detail/generator_profiles.hpp"

#include <string_view>

namespace hazeguard::engine::detail {

namespace {

// Baseline ranges, t/a (SO2, NOx, PM, VOCs), sized on the §13 samples and typical permits.
constexpr IndustryProfile kProfiles[] = {
    {"长流程联合钢铁", "BF", "高炉", "炼铁", "钢铁", true, 1, {{{100, 800}, {300, 2500}, {100, 900}, {20, 300}}}},
    {"短流程钢铁", "EF", "电弧炉", "电炉炼钢", "钢铁", true, 1, {{{1, 20}, {10, 120}, {10, 80}, {2, 30}}}},
    {"焦化", "CO", "焦炉", "炼焦", "焦化", true, 3, {{{30, 200}, {150, 800}, {20, 150}, {50, 400}}}},
    {"水泥", "KL", "熟料生产线", "熟料烧成", "水泥", false, 2, {{{10, 80}, {100, 600}, {10, 80}, {0, 0}}}},
    {"石灰窑", "LK", "石灰窑", "石灰焙烧", "石灰", false, 3, {{{2, 30}, {10, 80}, {5, 40}, {0, 0}}}},
    {"砖瓦窑", "TK", "隧道窑", "焙烧", "建材", false, 5, {{{5, 50}, {5, 40}, {2, 20}, {0, 0}}}},
    {"铸造", "MF", "中频感应电炉", "熔炼", "铸造", false, 8, {{{0, 5}, {0.5, 8}, {1, 20}, {1, 25}}}},
    {"工业涂装", "SP", "喷涂线", "喷涂", "涂装", false, 12, {{{0, 0}, {0, 2}, {0.5, 5}, {2, 60}}}},
    {"包装印刷", "GP", "印刷机", "印刷", "印刷", false, 6, {{{0, 0}, {0, 1}, {0, 0.5}, {2, 60}}}},
    {"家具制造", "SP", "涂装线", "涂装", "家具", false, 4, {{{0, 0}, {0, 1}, {0.5, 5}, {1, 30}}}},
    {"耐火材料", "KL", "隧道窑", "烧成", "耐材", false, 3, {{{2, 40}, {5, 60}, {2, 30}, {0, 0}}}},
    {"炭素", "BK", "焙烧炉", "焙烧", "炭素", true, 2, {{{10, 150}, {10, 100}, {5, 60}, {5, 80}}}},
    {"铁合金", "EF", "矿热炉", "冶炼", "铁合金", true, 1, {{{5, 60}, {5, 50}, {10, 80}, {0, 0}}}},
    {"玻璃", "GF", "玻璃熔窑", "熔化", "玻璃", true, 1, {{{20, 200}, {50, 400}, {5, 40}, {0, 5}}}},
    {"陶瓷", "KL", "辊道窑", "烧成", "陶瓷", false, 1, {{{5, 40}, {10, 80}, {5, 30}, {0, 2}}}},
    {"工程机械整机制造", "SP", "涂装线", "涂装", "机械", false, 2, {{{0, 1}, {0.5, 5}, {1, 10}, {5, 80}}}},
    {"汽车整车制造", "SP", "涂装线", "涂装", "汽车", false, 1, {{{0, 2}, {1, 10}, {1, 15}, {20, 300}}}},
    {"有色金属压延", "RL", "轧制线", "轧制", "金属", false, 2, {{{0, 5}, {1, 20}, {1, 10}, {0.5, 10}}}},
    {"再生铜铝铅锌", "MF", "熔炼炉", "熔炼", "再生资源", false, 1, {{{1, 20}, {1, 15}, {2, 20}, {0, 5}}}},
    {"炭黑", "CB", "炭黑反应炉", "炭黑生产", "化工", true, 1, {{{20, 200}, {20, 150}, {5, 50}, {5, 60}}}},
    {"橡胶制品制造", "RB", "硫化生产线", "硫化", "橡胶", false, 1, {{{0, 2}, {0, 3}, {0.5, 5}, {2, 40}}}},
};

constexpr IndustryProfile kGeneric = {"",     "PL",  "生产线", "生产",
                                      "科技", false, 1,        {{{0, 20}, {1, 30}, {1, 20}, {0.5, 30}}}};
constexpr IndustryProfile kNonKey = {"",     "PL",  "生产线", "生产",
                                     "实业", false, 1,        {{{0, 15}, {0, 20}, {1, 30}, {0, 20}}}};

struct DistrictInfo {
    std::string_view name;
    std::string_view code;
    std::string_view short_name;
    double weight;
};

// Division codes per GB/T 2260; the weights favour the counties with most industry.
constexpr DistrictInfo kDistricts[] = {
    {"清徐县", "140121", "清徐", 18},    {"古交市", "140181", "古交", 14},
    {"小店区", "140105", "小店", 14},    {"尖草坪区", "140108", "尖草坪", 14},
    {"晋源区", "140110", "晋源", 12},    {"阳曲县", "140122", "阳曲", 8},
    {"万柏林区", "140109", "万柏林", 6}, {"娄烦县", "140123", "娄烦", 5},
    {"杏花岭区", "140107", "杏花岭", 4}, {"迎泽区", "140106", "迎泽", 3},
};
constexpr double kOtherDistrictWeight = 3;

// Of Taiyuan's 1,555 listed plants a handful are A, about 90 B/B-/引领性 (§7.4); the rest C/D and
// the simple scheme's 非引领性.
constexpr GradeShare kGradeMix[] = {
    {"A+", 0.0},       {"A", 0.005}, {"B", 0.03}, {"B-", 0.01},
    {"引领性", 0.025}, {"C", 0.55},  {"D", 0.08}, {"非引领性", 0.30},
};

constexpr std::string_view kTradeWords[] = {"鑫", "盛", "泰", "华", "恒", "晋", "源", "宏", "达", "兴",
                                            "昌", "隆", "丰", "瑞", "祥", "通", "诚", "信", "德", "安",
                                            "康", "茂", "宇", "嘉", "汇", "金", "利", "骏", "鼎", "立"};
constexpr std::string_view kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                          "郭", "武", "郝", "贾", "阎", "段", "梁", "秦", "孙", "高"};
constexpr std::string_view kGivenNames[] = {"建国", "志强", "红梅", "保平", "小军", "海燕", "立新",
                                            "志刚", "永明", "文斌", "晓东", "丽娟", "俊峰", "瑞林",
                                            "国庆", "秀英", "鹏飞", "慧敏", "晋生", "玉兰"};
constexpr std::string_view kTaiyuanDistricts[] = {"小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区",
                                                  "晋源区", "清徐县", "阳曲县",   "娄烦县",   "古交市"};

DistrictInfo const* district_info(std::string_view name) {
    for (auto const& d : kDistricts)
        if (d.name == name) return &d;
    return nullptr;
}

}  // namespace

IndustryProfile const& industry_profile(std::string_view industry) {
    for (auto const& p : kProfiles)
        if (p.industry == industry) return p;
    return kGeneric;
}

IndustryProfile const& non_key_profile() { return kNonKey; }

double district_weight(std::string_view district) {
    auto const* d = district_info(district);
    return d ? d->weight : kOtherDistrictWeight;
}

std::string_view district_code(std::string_view district) {
    auto const* d = district_info(district);
    return d ? d->code : "140100";
}

std::string_view district_short(std::string_view district) {
    auto const* d = district_info(district);
    return d ? d->short_name : district;
}

std::span<GradeShare const> grade_mix() { return kGradeMix; }

bool simple_grade(std::string_view grade) { return grade == "引领性" || grade == "非引领性"; }

std::span<std::string_view const> trade_words() { return kTradeWords; }
std::span<std::string_view const> surnames() { return kSurnames; }
std::span<std::string_view const> given_names() { return kGivenNames; }
std::span<std::string_view const> taiyuan_districts() { return kTaiyuanDistricts; }

bool urban_district(std::string_view district) {
    for (std::string_view urban : {"小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区"})
        if (district == urban) return true;
    return false;
}

bool left_urban_districts(std::string_view industry) { return industry == "砖瓦窑" || industry == "石灰窑"; }

bool needs_grade_b(std::string_view industry) { return industry == "砖瓦窑"; }

}  // namespace hazeguard::engine::detail
