#pragma once
/// @file list_import.hpp
/// @brief Reading an emission-reduction list from JSON or CSV and validating it against the plan.
/// Every bad row and field is reported at once; a list with problems is never used.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/enterprises/enterprise.hpp"
#include "engine/util/csv_reader.hpp"
#include "engine/util/untrusted_json_stream.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief One problem in a list document.
struct ListProblem {
    int row = 0;            ///< JSON: index + 1 in "enterprises"; CSV: 1-based data row; 0 = the document
    std::string pointer;    ///< JSON pointer ("/enterprises/3/credit_code"); for CSV "/rows/3/credit_code"
    std::string message;
};

struct ListParseResult {
    EnterpriseList list;
    std::vector<ListProblem> problems;
    bool malformed = false;   ///< the text is not JSON at all (problems holds the parser's message)
    bool ok() const { return problems.empty(); }
};

/// @brief How far a streamed read has come.
struct ListReadProgress {
    std::size_t rows_read = 0;    ///< enterprises read and checked
    std::size_t rows_valid = 0;   ///< of which without a problem of their own (duplicates are found at the end)
    std::size_t bytes_read = 0;   ///< of the document
};

/// @brief What a streamed read hands on, in list order, as it goes.
struct ListVisitor {
    /// each enterprise once read and checked, to keep or drop; `valid`: no problem of its own (so
    /// far: duplicates are found at the end). May be empty.
    std::function<void(Enterprise&& e, bool valid)> enterprise;
    /// every kProgressRows enterprises; may be empty
    std::function<void(ListReadProgress const&)> progress;
};
inline constexpr std::size_t kProgressRows = 1000;

/// @brief The outcome of a streamed read: ListParseResult without the list.
struct ListReadResult {
    std::vector<ListProblem> problems;
    bool malformed = false;       ///< the text is not JSON at all (problems holds the one reason)
    std::size_t count = 0;        ///< enterprises read
    bool ok() const { return problems.empty(); }
};

/// @brief The JSON form: {"enterprises": [ {...}, ... ]} (docs/list-format.md).
ListParseResult parse_list_json(std::string_view text, plans::Plan const& plan);
/// @brief The JSON form, streamed: each enterprise is parsed, read into the model, checked and
/// handed to `visitor` before the next one is parsed, so memory holds one enterprise and the keys
/// duplicates are found by. The problems are parse_list_json's; when the document turns out to be
/// malformed, the enterprises handed on before must be forgotten.
ListReadResult read_list_json(JsonSource& source, plans::Plan const& plan, ListVisitor const& visitor);
/// @brief The CSV form exported from the cities' spreadsheets (docs/list-format.md).
ListParseResult parse_list_csv(std::string_view text, plans::Plan const& plan);
/// @brief The CSV form, streamed like read_list_json: each row is read, checked and handed to
/// `visitor` before the next record is read. The problems are parse_list_csv's; when the list
/// turns out to be refused, the enterprises handed on before must be forgotten.
ListReadResult read_list_csv(CsvRecordReader& records, plans::Plan const& plan, ListVisitor const& visitor);
/// @brief Validates an already-built list (also run by both parsers).
std::vector<ListProblem> validate_list(EnterpriseList const& list, plans::Plan const& plan);

/// @brief What a valid list may still get wrong, reported without refusing it: a guarantee plant in
/// a key industry graded below the plan's `guarantee_grades` (domain §7.3). Pointers as in JSON.
std::vector<ListProblem> list_warnings(EnterpriseList const& list, plans::Plan const& plan);
/// @brief The same for one enterprise, the `index`-th of its list.
std::optional<ListProblem> enterprise_warning(Enterprise const& e, std::size_t index, plans::Plan const& plan);

/// @brief The canonical JSON text of one enterprise, written directly (no parse tree): what
/// to_json(e).dump() gives.
std::string entry_json_text(Enterprise const& e);
/// @brief The JSON form of a list / one enterprise (round-trips through parse_list_json).
nlohmann::json to_json(Enterprise const& e);
nlohmann::json to_json(EnterpriseList const& list);

/// @brief Writes to_json(list).dump() an enterprise at a time, never holding the whole text:
/// `{"enterprises":[`, each entry's text with commas between, `]}`.
class CanonicalListWriter {
public:
    /// @brief `out` receives the text piece by piece; the opening is written at once.
    explicit CanonicalListWriter(std::function<void(std::string_view)> out);
    /// @brief Writes `e`'s entry and returns its text (valid until the next add).
    std::string const& add(Enterprise const& e);
    /// @brief Writes an entry already written as text (entry_json_text).
    void add_entry(std::string_view entry);
    /// @brief Writes the closing.
    void finish();

private:
    std::function<void(std::string_view)> out_;
    std::string entry_;
    bool first_ = true;
};

/// @brief GB 32100-2015: the 18th character of a unified social credit code from the first 17.
/// Returns '\0' when a character is outside the code's alphabet.
char credit_code_check_char(std::string_view first17);
/// @brief Format and check digit of a unified social credit code.
bool valid_credit_code(std::string_view code);

/// @brief The ten sample enterprises of domain §13 (valid credit codes), compiled in.
std::string_view embedded_sample_list();
/// @brief A realistic list of `count` enterprises: the ten samples first, then generated plants
/// with Taiyuan's districts, industries and grade mix. Deterministic for a seed.
EnterpriseList generate_list(plans::Plan const& plan, std::size_t count, std::uint64_t seed);
/// @brief The same list, handed to `each` one enterprise at a time (nothing is kept).
void generate_list(plans::Plan const& plan, std::size_t count, std::uint64_t seed,
                   std::function<void(Enterprise const&)> const& each);

}  // namespace hazeguard::engine
