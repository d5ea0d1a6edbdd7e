// The catalogue of list problems in Chinese. Each entry is an English sentence as the readers and
// the validator write it, with {} where a value goes, and its Chinese text, where {1}, {2}, … put
// the values back: {1t} translates a term of kTerms ("credit code" → 统一社会信用代码) and {1+}
// counts a 0-based index from 1. The first entry that matches wins: specific ones come first.
#include "engine/enterprises/list_problem_text.hpp"

#include <array>
#include <charconv>
#include <map>
#include <vector>

namespace hazeguard::engine {

namespace {

struct CatalogueEntry {
    std::string_view english;
    std::string_view chinese;
};

constexpr std::array kCatalogue{
    // the unified social credit code (GB 32100-2015)
    CatalogueEntry{"credit code must be 18 characters, got {} bytes", "统一社会信用代码应为18位，实为{1}个字节"},
    CatalogueEntry{"lower-case letter '{}' at position {} (codes are upper case)", "统一社会信用代码第{2}位为小写字母“{1}”，应为大写"},
    CatalogueEntry{"letter '{}' at position {} is not used in credit codes (no I, O, S, V, Z)",
          "统一社会信用代码第{2}位为字母“{1}”，代码中不使用I、O、S、V、Z"},
    CatalogueEntry{"character at position {} is not allowed (only 0-9 and A-Y without I, O, S, V, Z)",
          "统一社会信用代码第{1}位字符不合规（只能使用数字0-9和除I、O、S、V、Z外的大写字母）"},
    CatalogueEntry{"positions 3-8 must be the administrative division code (digits), position {} is '{}'",
          "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字），第{1}位为“{2}”"},
    CatalogueEntry{"check character is '{}' but should be '{}' (GB 32100-2015)",
          "统一社会信用代码校验位错误（为“{1}”，按GB 32100-2015应为“{2}”）"},
    // an enterprise's fields
    CatalogueEntry{"operating days must be 1..366, got {}", "年运行天数应在1至366之间，实为{1}"},
    CatalogueEntry{"operating days must be 1..366", "年运行天数应在1至366之间"},
    CatalogueEntry{"operating days must be a whole number, got \"{}\"", "年运行天数应为整数，实为“{1}”"},
    CatalogueEntry{"baseline electricity must be a number ≥ 0", "基准日用电量应为不小于0的数值"},
    CatalogueEntry{"unknown pollutant \"{}\" (SO2, NOx, PM, VOCs)", "污染物“{1}”无法识别（应为SO2、NOx、PM、VOCs）"},
    CatalogueEntry{"unknown action \"{}\" ({})",
          "措施类型“{1}”无法识别（可填：停产、限产、延长结焦时间、浓度限值、运输管控、自主减排、保障、其他）"},
    CatalogueEntry{"unknown member \"{}\"", "含有无法识别的字段“{1}”"},
    CatalogueEntry{"unknown column \"{}\"", "无法识别的列名“{1}”"},
    CatalogueEntry{"unknown {} \"{}\" (the plan has: {})", "{1t}“{2}”不在预案规定范围内（预案规定：{3}）"},
    CatalogueEntry{"{} must be a number in [0, 1], got {}", "{1t}应为0至1之间的数值，实为{2}"},
    CatalogueEntry{"{} must be a number >= 0, got {}", "{1t}应为不小于0的数值，实为{2}"},
    CatalogueEntry{"{} for {} is missing", "缺少{2}的{1t}"},
    CatalogueEntry{"at least one production line is required", "至少应填报一条生产线"},
    CatalogueEntry{"line id \"{}\" must not contain spaces or ; : ,", "生产线编号“{1}”不得含有空格及; : ,"},
    CatalogueEntry{"duplicate line id \"{}\" (also lines/{})", "生产线编号“{1}”重复（与第{2+}条生产线相同）"},
    CatalogueEntry{"emission shares of {} add up to {} (at most 1)", "各生产线{1}排放占比合计为{2}，不应超过1"},
    CatalogueEntry{"reduction {} t/d exceeds the daily baseline {} t/d", "日减排量{1}吨超过日基准排放量{2}吨"},
    CatalogueEntry{"a second measure for level {} (first is measures/{})", "预警级别{1}的减排措施重复（第{2+}条措施已是该级别）"},
    CatalogueEntry{"line \"{}\" is not a line of this enterprise (lines: {})", "生产线“{1}”不是本企业的生产线（本企业生产线：{2}）"},
    CatalogueEntry{"line \"{}\" is listed twice", "生产线“{1}”重复填写"},
    CatalogueEntry{"line \"{}\" has more than 4 parts (id:name:process:shares)",
          "生产线“{1}”超过4项（应为“编号:名称:工序:排放占比”）"},
    CatalogueEntry{"at least one contact is required", "至少应填报一名联系人"},
    CatalogueEntry{"phone \"{}\" must be 7-20 digits, '+' or '-'", "联系电话“{1}”格式错误，应为7至20位数字（可含+、-）"},
    CatalogueEntry{"no contact has a phone number", "联系人均未填报联系电话"},
    CatalogueEntry{"{} is required", "{1t}不能为空"},
    CatalogueEntry{"duplicate credit code {} (also in row {})", "统一社会信用代码{1}重复（与第{2}行相同）"},
    CatalogueEntry{"duplicate name \"{}\" in district \"{}\" (also in row {})", "{2}企业名称“{1}”重复（与第{3}行相同）"},
    CatalogueEntry{"guarantee plant in key industry \"{}\" graded \"{}\": a guarantee plant in a key industry should be graded {}",
          "重点行业“{1}”的保障类企业绩效分级为“{2}”，按预案应为{3}"},
    // values of the wrong kind (JSON) or unreadable cells (CSV)
    CatalogueEntry{"expected POLLUTANT=NUMBER, got \"{}\"", "应填“污染物=数值”，实为“{1}”"},
    CatalogueEntry{"expected {}, got {}", "数据类型错误：应为{1t}，实为{2t}"},
    CatalogueEntry{"not a number: \"{}\" in \"{}\"", "“{2}”中的“{1}”不是数值"},
    CatalogueEntry{"not a number: \"{}\"", "“{1}”不是数值"},
    CatalogueEntry{"not a number or percentage: \"{}\"", "“{1}”不是数值或百分比"},
    // the document
    CatalogueEntry{"a list document must be a JSON object, got {}", "清单文件应为JSON对象，实为{1t}"},
    CatalogueEntry{"the list has no enterprises (no data rows)", "清单中没有企业（无数据行）"},
    CatalogueEntry{"the list has no enterprises", "清单中没有企业"},
    CatalogueEntry{"missing required member \"enterprises\"", "缺少企业列表（enterprises）"},
    CatalogueEntry{"member \"enterprises\" is given more than once", "企业列表（enterprises）重复出现"},
    CatalogueEntry{"the list is for \"{}\" but the plan is for \"{}\"", "清单所属城市为“{1}”，与预案城市“{2}”不符"},
    CatalogueEntry{"malformed JSON: {}", "文件不是有效的JSON格式，无法读取"},
    CatalogueEntry{"not UTF-8 (byte {}): save the sheet as \"CSV UTF-8\"; GBK exports are not read",
          "文件不是UTF-8编码（第{1}字节）：请将表格另存为“CSV UTF-8”格式，GBK编码的文件无法读取"},
    // the CSV header and rows
    CatalogueEntry{"no header row", "缺少表头行"},
    CatalogueEntry{"missing required column {} ({})", "缺少必填列“{1}”"},
    CatalogueEntry{"column {} appears twice (first as column {})", "列“{1}”重复出现（首次出现在第{2}列）"},
    CatalogueEntry{"row has {} fields but the header has {} (line {})", "本行有{1}列，表头有{2}列（文件第{3}行）"},
    CatalogueEntry{"a value in column {}, which has no name", "第{1}列没有列名，但填有数据"},
    CatalogueEntry{"a transport rule needs at least one level measure in the row", "填写了运输管控措施，但本行没有任何预警级别的减排措施"},
    CatalogueEntry{"a quoted field is not closed before the end of the file (line {})", "单元格的引号至文件末尾仍未闭合（文件第{1}行）"},
    CatalogueEntry{"text after the closing quote of a field (write a quote inside a quoted field as \"\") (line {})",
          "单元格闭合引号后还有文字（文件第{1}行；单元格内的引号应写作两个连续引号）"},
};

// The words the English sentences put in a {} that the Chinese text names ({1t}).
std::map<std::string_view, std::string_view> const kTerms{
    {"credit code", "统一社会信用代码"}, {"name", "企业名称"}, {"district", "所在县区"}, {"industry", "所属行业"},
    {"grade", "绩效分级"}, {"guarantee type", "保障类型"}, {"level", "预警级别"}, {"line id", "生产线编号"},
    {"line name", "生产线名称"}, {"measure text", "减排措施内容"}, {"contact name", "联系人姓名"},
    {"baseline", "年基准排放量"}, {"emission share", "排放占比"}, {"reduction", "日减排量"},
    {"parameter", "措施参数"}, {"an object", "对象"}, {"an array", "数组"}, {"a string", "文本"},
    {"a number", "数值"}, {"an integer", "整数"}, {"a boolean", "布尔值"}, {"null", "空值"},
    {"an unsupported value", "不支持的值"}};

// The entry keys of a JSON pointer (and the CSV columns a row's pointer names) in the list's words.
std::map<std::string_view, std::string_view> const kFields{
    {"credit_code", "统一社会信用代码"}, {"name", "名称"}, {"district", "所在县区"}, {"park", "所在园区"},
    {"industry", "所属行业"}, {"grade", "绩效分级"}, {"guarantee", "保障类型"}, {"operating_days", "年运行天数"},
    {"baseline_kwh_per_day", "基准日用电量"}, {"lines", "生产线"}, {"baseline_t_per_year", "年基准排放量"},
    {"measures", "减排措施"}, {"contacts", "联系人"}, {"id", "编号"}, {"process", "工序"},
    {"emission_share", "排放占比"}, {"level", "预警级别"}, {"text", "措施内容"}, {"action", "措施类型"},
    {"parameter", "措施参数"}, {"reductions_t_per_day", "日减排量"}, {"transport", "运输管控"}, {"role", "职务"},
    {"phone", "联系电话"}, {"list", "清单信息"}, {"city", "城市"}, {"note", "备注"}, {"enterprises", "企业列表"},
    {"so2_t_per_year", "SO2年排放量"}, {"nox_t_per_year", "NOx年排放量"}, {"pm_t_per_year", "颗粒物年排放量"},
    {"vocs_t_per_year", "VOCs年排放量"}, {"contact_role", "联系人职务"}, {"contact_name", "联系人姓名"},
    {"contact_phone", "联系电话"}};

// A 0-based index step counted_from_one from 1 ("2" → "3").
std::string counted_from_one(std::string_view step) {
    unsigned long long n = 0;
    auto const [end, ec] = std::from_chars(step.data(), step.data() + step.size(), n);
    return ec == std::errc() && end == step.data() + step.size() ? std::to_string(n + 1) : std::string(step);
}

// `message` against `pattern`: the values in its {} in order, or none. Each {} takes the shortest
// text after which the pattern's next fixed words follow; the last fixed words end the message.
std::optional<std::vector<std::string_view>> match_sentence(std::string_view pattern, std::string_view message) {
    std::vector<std::string_view> fixed;
    for (std::size_t at = 0;;) {
        auto const hole = pattern.find("{}", at);
        fixed.push_back(pattern.substr(at, hole == std::string_view::npos ? std::string_view::npos : hole - at));
        if (hole == std::string_view::npos) break;
        at = hole + 2;
    }
    if (fixed.size() == 1) return message == pattern ? std::optional(std::vector<std::string_view>{}) : std::nullopt;
    if (message.substr(0, fixed.front().size()) != fixed.front()) return std::nullopt;
    auto const& last = fixed.back();
    if (message.size() < fixed.front().size() + last.size() ||
        message.substr(message.size() - last.size()) != last)
        return std::nullopt;
    std::string_view rest = message.substr(fixed.front().size(), message.size() - fixed.front().size() - last.size());
    std::vector<std::string_view> values;
    for (std::size_t k = 1; k + 1 < fixed.size(); ++k) {
        auto const next = rest.find(fixed[k]);
        if (next == std::string_view::npos) return std::nullopt;
        values.push_back(rest.substr(0, next));
        rest.remove_prefix(next + fixed[k].size());
    }
    values.push_back(rest);
    return values;
}

// `chinese` with {N}, {Nt} and {N+} replaced by the values.
std::string filled_text(std::string_view chinese, std::vector<std::string_view> const& values) {
    std::string out;
    for (std::size_t at = 0; at < chinese.size();) {
        auto const open = chinese.find('{', at);
        auto const close = open == std::string_view::npos ? open : chinese.find('}', open);
        if (close == std::string_view::npos) {
            out += chinese.substr(at);
            break;
        }
        out += chinese.substr(at, open - at);
        auto const spec = chinese.substr(open + 1, close - open - 1);
        auto const value = values.at(static_cast<std::size_t>(spec.front() - '1'));
        if (spec.back() == 't') {
            auto const term = kTerms.find(value);
            out += term == kTerms.end() ? value : term->second;
        } else if (spec.back() == '+') {
            out += counted_from_one(value);
        } else {
            out += value;
        }
        at = close + 1;
    }
    return out;
}

std::vector<std::string_view> pointer_steps(std::string_view pointer) {
    std::vector<std::string_view> steps;
    while (!pointer.empty()) {
        pointer.remove_prefix(1);  // the '/'
        auto const end = pointer.find('/');
        steps.push_back(pointer.substr(0, end));
        pointer = end == std::string_view::npos ? std::string_view() : pointer.substr(end);
    }
    return steps;
}

bool is_index_step(std::string_view step) {
    return !step.empty() && step.find_first_not_of("0123456789") == std::string_view::npos;
}


}  // namespace

std::optional<std::string> problem_sentence_cn(std::string_view message) {
    for (auto const& entry : kCatalogue)
        if (auto const values = match_sentence(entry.english, message)) return filled_text(entry.chinese, *values);
    return std::nullopt;
}

std::string problem_field_cn(std::string_view pointer) {
    auto const steps = pointer_steps(pointer);
    if (steps.empty()) return "";
    if (steps[0] == "header")
        return steps.size() > 1 && is_index_step(steps[1]) ? "表头第" + counted_from_one(steps[1]) + "列" : "表头";
    // /enterprises/N/… and /rows/N/…: the plant itself is the row
    std::size_t first = (steps[0] == "enterprises" || steps[0] == "rows") && steps.size() > 1 && is_index_step(steps[1]) ? 2 : 0;
    std::string out;
    for (std::size_t k = first; k < steps.size(); ++k) {
        auto const step = steps[k];
        if (is_index_step(step)) {
            out += "第" + counted_from_one(step) + "条";
            continue;
        }
        if (!out.empty()) out += "·";
        bool const own = k == first;  // the plant's own name, not a line's or a contact's
        if (step == "name") out += own ? "企业名称" : k >= 2 && steps[k - 2] == "contacts" ? "姓名" : "名称";
        else if (auto const f = kFields.find(step); f != kFields.end()) out += f->second;
        else out += step;
    }
    return out;
}

std::string problem_text_cn(ListProblem const& problem) {
    auto const sentence = problem_sentence_cn(problem.message).value_or(problem.message);
    std::string_view const pointer = problem.pointer;
    if (problem.row > 0) {
        bool const entry = pointer.substr(0, 13) == "/enterprises/";
        return "第" + std::to_string(problem.row) + (entry ? "家企业：" : "行：") + sentence;
    }
    if (pointer.substr(0, 7) == "/header") return "表头：" + sentence;
    return sentence;
}

}  // namespace hazeguard::engine
