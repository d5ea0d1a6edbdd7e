#pragma once
/// @file list_common.hpp
/// @brief Internals shared by the list parsers, the validator and the generator (not installed,
/// not part of the interface in list_import.hpp).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine::detail {

/// @brief The four pollutants a list carries, in display order.
inline constexpr std::string_view kPollutants[] = {"SO2", "NOx", "PM", "VOCs"};
/// @brief The measure actions a list may name (LevelMeasure::action).
inline constexpr std::string_view kActions[] = {"stop",      "limit", "extend_time", "conc_cap",
                                                "transport", "self",  "guarantee",   "other"};

bool is_pollutant(std::string_view name);
bool is_action(std::string_view name);

/// @brief 7–20 characters, each a digit, '+' or '-', with at least one digit.
bool valid_phone(std::string_view phone);
/// @brief True when `text` is empty or only ASCII whitespace.
bool blank(std::string_view text);
/// @brief `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

/// @brief Why a credit code is invalid, in English, or "" when it is valid.
std::string credit_code_problem(std::string_view code);

/// @brief "/enterprises/<index>".
std::string enterprise_pointer(std::size_t index);
/// @brief `pointer` extended by one key (RFC 6901 escaping) or one array index.
std::string child(std::string pointer, std::string_view key);
std::string child(std::string pointer, std::size_t index);
/// @brief The reference tokens of a JSON pointer, unescaped ("/a/b~1c" → {"a", "b/c"}).
std::vector<std::string> pointer_tokens(std::string_view pointer);

/// @brief `text` in double quotes, for messages.
std::string in_quotes(std::string_view text);
/// @brief "a, b, c" (no quotes), for messages listing allowed values.
std::string joined(std::span<std::string const> items);
/// @brief Shortest decimal form of a number, for messages ("0.5", "366").
std::string number_text(double value);

/// @brief "null", "a boolean", "an integer", "a number", "a string", "an array", "an object".
std::string_view json_kind_name(nlohmann::json::value_t kind);
/// @brief "expected <wanted>, got <kind>": a JSON value of the wrong type.
std::string expected_type(std::string_view wanted, nlohmann::json::value_t got);

/// @brief The shape problems of the document's own members (all but the enterprises' elements).
/// `streamed`: the enterprises array was read element by element, is not in `root`, and had that
/// many elements.
void read_list_header(nlohmann::json const& root, std::optional<std::size_t> streamed,
                      std::vector<ListProblem>& problems, std::string& city);
/// @brief A JSON list read into the model with its shape problems only (no plan, no rules).
ListParseResult read_list_shape(std::string_view text);

/// @brief validate_list, with `rows[i]` as the row of enterprise i (index + 1 when `rows` is
/// shorter); the rows also appear in duplicate messages ("also in row 7").
std::vector<ListProblem> validate_rows(EnterpriseList const& list, plans::Plan const& plan,
                                       std::span<int const> rows);
/// @brief The rules of one enterprise, all but duplicates, at `row` and under "/enterprises/<index>".
void check_enterprise(Enterprise const& e, std::size_t index, int row, plans::Plan const& plan,
                      std::vector<ListProblem>& problems);

/// @brief Duplicate credit codes and duplicate names within a district, found as enterprises come
/// in: only their keys are kept. Every row of a group is reported, naming the others.
class DuplicateFinder {
public:
    void add(Enterprise const& e, std::size_t index, int row);
    /// @brief Appends a problem per duplicate credit code, then one per duplicate name.
    void report(std::vector<ListProblem>& problems) const;

private:
    struct Seen {
        std::size_t index;
        int row;
    };
    static constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);
    // A key is two parts (a district and a name; a credit code and nothing). The keys' bytes are
    // kept in one text and found through an open-addressing table of their hashes, so a key costs
    // its bytes and a few words, and looking one up touches one slot of the table.
    class Keys {
    public:
        void add(std::string_view first, std::string_view second, Seen seen);
        /// @brief f(first part, second part, group, one of its rows) for each row of each group.
        template <class F>
        void each_repeated(F&& f) const {
            for (auto const& entry : entries_) {
                if (entry.group == kNoGroup) continue;
                std::string_view const key(text_.data() + entry.offset, entry.length);
                for (auto const& seen : groups_[entry.group]) f(key.substr(0, entry.split), key.substr(entry.split), groups_[entry.group], seen);
            }
        }

    private:
        struct Entry {
            std::size_t offset, length, split;
            std::size_t group = kNoGroup;  // in groups_, once the key is seen again
        };
        struct Slot {
            std::size_t hash = 0;
            std::size_t entry = 0;  // in entries_, plus one; 0: an empty slot
        };
        void grow();
        std::string text_;
        std::vector<Entry> entries_;
        std::vector<Seen> first_;  // where each entry was first seen
        std::vector<Slot> table_;
        std::vector<std::vector<Seen>> groups_;
    };
    Keys codes_, names_;
};

/// @brief Appends validation problems to `problems`, except those at a pointer (or below one)
/// where a parse problem already sits, so one bad value is reported once. Then orders all
/// problems by row, keeping the order within a row.
void merge_problems(std::vector<ListProblem>& problems, std::vector<ListProblem> validation);

/// @brief The ten §13 samples, parsed (no plan validation); aborts on a malformed embedded file.
EnterpriseList const& sample_enterprises();

}  // namespace hazeguard::engine::detail
