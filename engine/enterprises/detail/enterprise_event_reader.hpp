#pragma once
/// @file enterprise_event_reader.hpp
/// @brief One enterprise of a JSON list read from the parser's events straight into the model
/// (no parse tree), with its shape problems (docs/list-format.md §"Enterprise", §"Problems").
/// Internal to list_json_stream.cpp.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine::detail {

struct ObjectSchema;

/// @brief A scalar event of the parser: its kind, and its value in the member that kind uses.
struct ScalarEvent {
    nlohmann::json::value_t kind = nlohmann::json::value_t::null;
    std::string const* text = nullptr;  ///< string
    std::int64_t integer = 0;           ///< number_integer
    std::uint64_t unsigned_integer = 0; ///< number_unsigned
    double number = 0;                  ///< number_float
    bool boolean = false;
};

/// @brief Reads the events of one element of the enterprises array. A member is read as the
/// tables of enterprise_event_reader.cpp say; a value of the wrong type is reported and skipped,
/// an unknown member is reported, `$comment` and null members are ignored, and a member given
/// twice is read as its last value (as a parse tree keeps it). Problems come out in the order of
/// a walk of the enterprise: unknown members (by key) first, then the members in the tables'
/// order, each with what is inside it.
class EnterpriseEventReader {
public:
    EnterpriseEventReader();
    /// @brief Begins enterprise `index` of the list; its events follow.
    void begin(std::size_t index);
    // The element's events. Each returns true when it ended the enterprise's value.
    bool scalar(ScalarEvent const& event);
    bool start(nlohmann::json::value_t container);  ///< object or array
    bool end();
    void key(std::string const& key);
    /// @brief The enterprise read; its shape problems are appended to `problems`.
    Enterprise take(std::vector<ListProblem>& problems);

private:
    enum class Shape : std::uint8_t { object, objects, strings, pollutants, skipped };
    struct Frame {
        Shape shape;
        ObjectSchema const* schema = nullptr;  // object: its own; objects: its elements'
        void* target = nullptr;                // object: the model object; else the container filled
        int field = -1;                        // object: the member being read (kUnknown, kComment)
        std::uint32_t given = 0;               // object: the members read so far, one bit each
        std::size_t index = 0;                 // arrays: the element being read; skipped: depth
        std::size_t count = 0;                 // arrays: elements begun
        std::string key;                       // pollutants, unknown member: the member's key
    };
    // Where a problem sits: one step per level, ordered as the walk reports them.
    struct Step {
        int rank = 0;         // object members: 0 unknown, 1 + the member's place in its table
        std::string key;      // object members and pollutants: the key
        std::size_t index = 0;
        bool is_index = false;
        bool operator<(Step const& o) const;
    };
    struct Found {
        std::vector<Step> path;
        ListProblem problem;
    };

    void value(nlohmann::json::value_t kind, ScalarEvent const& event);
    void member(Frame& f, nlohmann::json::value_t kind, ScalarEvent const& event);
    void push(Shape shape, ObjectSchema const* schema, void* target);
    void mismatch(char const* wanted, nlohmann::json::value_t got);
    std::vector<Step> path() const;
    void report(std::vector<Step> at, std::string message);
    void forget(std::vector<Step> const& at);

    Enterprise enterprise_;
    std::vector<Frame> frames_;
    std::vector<Found> found_;
    std::size_t index_ = 0;
};

}  // namespace hazeguard::engine::detail
