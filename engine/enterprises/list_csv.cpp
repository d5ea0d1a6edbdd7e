// parse_list_csv: the flat spreadsheet form, one enterprise per row (docs/list-format.md §"CSV").
// Cells are read into the model here; the rules are validate_list's, whose JSON pointers are then
// mapped back onto "/rows/<row>/<column key>".
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/csv_cells.hpp"
#include "engine/enterprises/detail/csv_columns.hpp"
#include "engine/util/csv_reader.hpp"
#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using detail::CsvColumn;
using detail::CsvField;
using engine::CsvRecord;

std::string row_pointer(int row) { return "/rows/" + std::to_string(row); }

constexpr int kNameless = -1;  // an empty header cell: its values must be empty too
constexpr int kIgnored = -2;   // an unknown or repeated column, reported once at the header

struct Header {
    std::vector<CsvColumn> columns;
    std::vector<int> column_at;    // per header position: index into columns, or kNameless / kIgnored
    std::vector<int> position_of;  // per column: its header position, -1 = absent
};

class CsvListReader {
public:
    CsvListReader(plans::Plan const& plan, std::vector<ListProblem>& problems)
        : plan_(plan), problems_(problems) {}

    void header(CsvRecord const& record) {
        h_.columns = detail::csv_columns(plan_);
        h_.position_of.assign(h_.columns.size(), -1);
        for (std::size_t pos = 0; pos < record.fields.size(); ++pos) {
            auto const name = detail::normalize_header(record.fields[pos]);
            int found = -1;
            for (std::size_t c = 0; c < h_.columns.size() && found < 0 && !name.empty(); ++c)
                for (auto const& accepted : h_.columns[c].headers)
                    if (accepted == name) found = static_cast<int>(c);
            h_.column_at.push_back(name.empty() ? kNameless : found < 0 ? kIgnored : found);
            auto const at = "/header/" + std::to_string(pos);
            if (found < 0 && !name.empty()) {
                problems_.push_back(
                    {0, at, "unknown column " + detail::in_quotes(detail::trim(record.fields[pos]))});
            } else if (found >= 0 && h_.position_of[static_cast<std::size_t>(found)] >= 0) {
                problems_.push_back({0, at,
                                     "column " + h_.columns[static_cast<std::size_t>(found)].key +
                                         " appears twice (first as column " +
                                         std::to_string(h_.position_of[static_cast<std::size_t>(found)] + 1) +
                                         ")"});
                h_.column_at.back() = kIgnored;
            } else if (found >= 0) {
                h_.position_of[static_cast<std::size_t>(found)] = static_cast<int>(pos);
            }
        }
        for (std::size_t c = 0; c < h_.columns.size(); ++c)
            if (h_.columns[c].required && h_.position_of[c] < 0) {
                problems_.push_back(
                    {0, "/header",
                     "missing required column " + h_.columns[c].name_cn + " (" + h_.columns[c].key + ")"});
            }
    }

    Enterprise row(CsvRecord const& record, int row) {
        row_ = row;
        Enterprise e;
        if (record.fields.size() != h_.column_at.size() && !only_blank_beyond_header(record))
            report_row("row has " + std::to_string(record.fields.size()) + " fields but the header has " +
                       std::to_string(h_.column_at.size()) + " (line " + std::to_string(record.line) + ")");
        std::map<std::string, LevelMeasure> measures;  // level id → measure, when any cell is set
        std::string transport;
        Contact contact;
        for (std::size_t pos = 0; pos < record.fields.size() && pos < h_.column_at.size(); ++pos) {
            auto const value = detail::trim(record.fields[pos]);
            if (h_.column_at[pos] < 0) {
                if (h_.column_at[pos] == kNameless && !value.empty())
                    report_row("a value in column " + std::to_string(pos + 1) + ", which has no name");
                continue;
            }
            auto const& column = h_.columns[static_cast<std::size_t>(h_.column_at[pos])];
            if (value.empty()) continue;
            if (!column.level.empty()) {
                auto& m = measures[column.level];
                m.level = column.level;
                level_cell(column, value, m);
            } else if (column.field == CsvField::transport) {
                transport = std::string(value);
            } else {
                cell(column, value, e, contact);
            }
        }
        if (!contact.name.empty() || !contact.phone.empty() || !contact.role.empty())
            e.contacts.push_back(contact);
        for (auto const& level : plan_.levels) {
            auto it = measures.find(level.id);
            if (it == measures.end()) continue;
            if (it->second.transport.empty()) it->second.transport = transport;
            e.measures.push_back(std::move(it->second));
        }
        if (!transport.empty() && measures.empty())
            report(std::string("transport"), "a transport rule needs at least one level measure in the row");
        return e;
    }

    // The CSV place of a validation problem of `e`, read from `row`: that row and the column
    // holding the value.
    std::optional<ListProblem> locate(ListProblem const& p, Enterprise const& e, int row) const {
        auto const tokens = detail::pointer_tokens(p.pointer);
        if (tokens.size() < 2 || tokens[0] != "enterprises") return p;
        std::string key = detail::csv_column_key(tokens, e);
        if (key.empty()) return ListProblem{row, row_pointer(row), p.message};
        for (std::size_t c = 0; c < h_.columns.size(); ++c)
            if (h_.columns[c].key == key && h_.position_of[c] < 0) {
                if (h_.columns[c].required) return std::nullopt;  // "missing required column" says it
                if (h_.columns[c].field == CsvField::level_transport) key = "transport";
            }
        return ListProblem{row, row_pointer(row) + "/" + key, p.message};
    }

private:
    bool only_blank_beyond_header(CsvRecord const& record) const {
        if (record.fields.size() < h_.column_at.size()) return false;
        for (std::size_t pos = h_.column_at.size(); pos < record.fields.size(); ++pos)
            if (!detail::blank(record.fields[pos])) return false;
        return true;
    }

    void report_row(std::string message) {
        problems_.push_back({row_, row_pointer(row_), std::move(message)});
    }
    void report(std::string const& key, std::string message) {
        problems_.push_back({row_, row_pointer(row_) + "/" + key, std::move(message)});
    }

    void report_all(std::string const& key, std::vector<std::string>& errors) {
        for (auto& message : errors) report(key, std::move(message));
        errors.clear();
    }

    void cell(CsvColumn const& column, std::string_view value, Enterprise& e, Contact& contact) {
        std::string const text(value);
        switch (column.field) {
            case CsvField::credit_code:
                e.credit_code = text;
                break;
            case CsvField::name:
                e.name = text;
                break;
            case CsvField::district:
                e.district = text;
                break;
            case CsvField::park:
                e.park = text;
                break;
            case CsvField::industry:
                e.industry = text;
                break;
            case CsvField::grade:
                e.grade = text;
                break;
            case CsvField::guarantee:
                e.guarantee = text;
                break;
            case CsvField::operating_days: {
                int days = 0;
                auto const [end, ec] = std::from_chars(value.data(), value.data() + value.size(), days);
                if (ec != std::errc{} || end != value.data() + value.size())
                    report(column.key,
                           "operating days must be a whole number, got " + detail::in_quotes(value));
                else
                    e.operating_days = days;
                break;
            }
            case CsvField::baseline_kwh:
                if (auto const n = detail::parse_number(value))
                    e.baseline_kwh_per_day = *n;
                else
                    report(column.key, "not a number: " + detail::in_quotes(value));
                break;
            case CsvField::lines: {
                std::vector<std::string> errors;
                e.lines = detail::parse_lines(value, errors);
                report_all(column.key, errors);
                break;
            }
            case CsvField::so2:
                baseline(column, value, "SO2", e);
                break;
            case CsvField::nox:
                baseline(column, value, "NOx", e);
                break;
            case CsvField::pm:
                baseline(column, value, "PM", e);
                break;
            case CsvField::vocs:
                baseline(column, value, "VOCs", e);
                break;
            case CsvField::contact_role:
                contact.role = text;
                break;
            case CsvField::contact_name:
                contact.name = text;
                break;
            case CsvField::contact_phone:
                contact.phone = text;
                break;
            default:
                break;
        }
    }

    void baseline(CsvColumn const& column, std::string_view value, char const* pollutant, Enterprise& e) {
        if (auto const n = detail::parse_number(value))
            e.baseline_t_per_year[pollutant] = *n;
        else
            report(column.key, "not a number: " + detail::in_quotes(value));
    }

    void level_cell(CsvColumn const& column, std::string_view value, LevelMeasure& m) {
        switch (column.field) {
            case CsvField::level_measure:
                m.text = std::string(value);
                break;
            case CsvField::level_lines:
                for (auto const id : detail::split_items(value, {";", "；", ",", "，", "、", "\n"}))
                    m.lines.emplace_back(id);
                break;
            case CsvField::level_action:
                m.action = detail::canonical_action(value);
                break;
            case CsvField::level_parameter:
                if (auto const n = detail::parse_parameter(value))
                    m.parameter = *n;
                else
                    report(column.key, "not a number or percentage: " + detail::in_quotes(value));
                break;
            case CsvField::level_reductions: {
                std::vector<std::string> errors;
                detail::parse_pollutants(value, m.reductions_t_per_day, errors);
                report_all(column.key, errors);
                break;
            }
            case CsvField::level_transport:
                m.transport = std::string(value);
                break;
            default:
                break;
        }
    }

    plans::Plan const& plan_;
    std::vector<ListProblem>& problems_;
    Header h_;
    int row_ = 0;
};

bool blank_record(CsvRecord const& record) {
    for (auto const& f : record.fields)
        if (!detail::blank(f)) return false;
    return true;
}

// A CSV list read a record at a time: each row is read into the model, checked (all but
// duplicates, which are found at the end from the keys kept) and handed on. The whole input must
// be UTF-8: a bad byte anywhere is the only problem reported, however far the reading had come.
class CsvListStream {
public:
    CsvListStream(CsvRecordReader& records, plans::Plan const& plan, ListVisitor const& visitor)
        : records_(records), plan_(plan), visitor_(visitor), reader_(plan, found_) {}

    ListReadResult read() {
        if (!next() || blank_record(record_)) {
            while (next()) {
            }
            if (!unreadable_) result_.problems.push_back({0, "", "no header row"});
            return std::move(result_);
        }
        reader_.header(record_);
        take_errors(0);
        take_found();
        for (int row = 1; next(); ++row) this->row(row);
        if (unreadable_) return std::move(result_);
        if (result_.count == 0) result_.problems.push_back({0, "", "the list has no enterprises (no data rows)"});
        std::vector<ListProblem> duplicates, located;
        duplicates_.report(duplicates);
        for (auto const& p : duplicates)
            if (auto q = reader_.locate(p, Enterprise{}, p.row)) located.push_back(std::move(*q));
        detail::merge_problems(result_.problems, std::move(located));
        return std::move(result_);
    }

    bool unreadable() const { return unreadable_; }

private:
    // The next record, or false at the end or at a byte that is not UTF-8 (then the one problem).
    bool next() {
        if (unreadable_ || !records_.next(record_, errors_)) return false;
        auto const bad = invalid_utf8_at(records_.raw());
        if (bad == std::string_view::npos) return true;
        unreadable_ = true;
        result_.problems = {{0, "",
                             "not UTF-8 (byte " + std::to_string(records_.raw_offset() + bad) +
                                 "): save the sheet as \"CSV UTF-8\"; GBK exports are not read"}};
        return false;
    }

    void row(int row) {
        take_errors(row);
        if (blank_record(record_)) return;
        std::size_t const index = result_.count++;
        Enterprise e = reader_.row(record_, row);
        checked_.clear();
        detail::check_enterprise(e, index, row, plan_, checked_);
        std::vector<ListProblem> located;
        for (auto const& p : checked_)
            if (auto q = reader_.locate(p, e, row)) located.push_back(std::move(*q));
        detail::merge_problems(found_, std::move(located));
        bool const valid = found_.empty();
        if (valid) ++valid_;
        duplicates_.add(e, index, row);
        take_found();
        if (visitor_.enterprise) visitor_.enterprise(std::move(e), valid);
        if (visitor_.progress && result_.count % kProgressRows == 0)
            visitor_.progress({result_.count, valid_, records_.bytes_read()});
    }

    // The record's faults of form, at `row` (0: the header).
    void take_errors(int row) {
        for (auto& error : errors_)
            found_.push_back({row, row == 0 ? "/header" : row_pointer(row), std::move(error.message)});
        errors_.clear();
    }
    void take_found() {
        result_.problems.insert(result_.problems.end(), std::make_move_iterator(found_.begin()),
                                std::make_move_iterator(found_.end()));
        found_.clear();
    }

    CsvRecordReader& records_;
    plans::Plan const& plan_;
    ListVisitor const& visitor_;
    std::vector<ListProblem> found_;  // the problems of the record being read
    CsvListReader reader_;
    CsvRecord record_;
    std::vector<CsvError> errors_;
    std::vector<ListProblem> checked_;
    detail::DuplicateFinder duplicates_;
    ListReadResult result_;
    std::size_t valid_ = 0;
    bool unreadable_ = false;
};

}  // namespace

ListReadResult read_list_csv(CsvRecordReader& records, plans::Plan const& plan, ListVisitor const& visitor) {
    return CsvListStream(records, plan, visitor).read();
}

ListParseResult parse_list_csv(std::string_view text, plans::Plan const& plan) {
    ListParseResult result;
    CsvRecordReader records(text);
    ListVisitor const keep{[&](Enterprise&& e, bool) { result.list.enterprises.push_back(std::move(e)); }, {}};
    CsvListStream stream(records, plan, keep);
    auto read = stream.read();
    if (stream.unreadable()) result.list.enterprises.clear();
    result.problems = std::move(read.problems);
    return result;
}

}  // namespace hazeguard::engine
