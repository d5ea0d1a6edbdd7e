#pragma once
/// @file ref.hpp
/// @brief A typed reference to a record the timeline, timers and causes point at ("proposal:3" in
/// storage and in the API; a Ref everywhere in code). Pure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hazeguard::engine {

struct Ref {
    enum class Kind { forecast, proposal, directive, batch, episode, order, warning };
    Kind kind = Kind::warning;
    std::int64_t id = 0;   ///< 0 for the warning itself (a singleton: "warning")

    static Ref forecast(std::int64_t id) { return {Kind::forecast, id}; }
    static Ref proposal(std::int64_t id) { return {Kind::proposal, id}; }
    static Ref directive(std::int64_t id) { return {Kind::directive, id}; }
    static Ref batch(std::int64_t id) { return {Kind::batch, id}; }
    static Ref episode(std::int64_t id) { return {Kind::episode, id}; }
    static Ref order(std::int64_t id) { return {Kind::order, id}; }
    static Ref warning() { return {Kind::warning, 0}; }

    bool is(Kind k) const { return kind == k; }
    friend bool operator==(Ref const&, Ref const&) = default;
};

/// @brief "proposal:3", "batch:12", "episode:2", "warning".
std::string to_string(Ref const& ref);

/// @brief The Ref written by to_string(); nullopt for any other text (an unknown kind, a missing,
/// signed, zero or out-of-range id, trailing characters).
std::optional<Ref> parse_ref(std::string_view text);

}  // namespace hazeguard::engine
