#pragma once
/// @file input.hpp
/// @brief Reading a JSON request body field by field, collecting every fault with its JSON
/// pointer, then answering 422 with all of them at once (RFC 9457 + an `errors` member). The handlers of
/// api/resources/ read every request body with it; the services get typed requests.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/error.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::api {

class Input {
public:
    /// @brief Reads `body` (which must be an object) located at `pointer` in the request.
    explicit Input(nlohmann::json const& body, std::string pointer = "");

    std::optional<std::string> text(std::string const& key, bool required, std::size_t max_length = 4000);
    std::optional<int> integer(std::string const& key, bool required, int min, int max);
    std::optional<std::int64_t> id(std::string const& key, bool required);
    /// @brief An RFC 3339 date-time with an explicit offset.
    std::optional<engine::Instant> instant(std::string const& key, bool required);
    std::optional<std::string> one_of(std::string const& key, bool required, std::vector<std::string> const& allowed);
    /// @brief The member is present and JSON null.
    bool is_null(std::string const& key) const;
    bool has(std::string const& key) const;
    /// @brief Members not in `known` are reported (catches typos such as "strat_at").
    void reject_unknown(std::vector<std::string> const& known);
    /// @brief A nested reader for an object member or array element, sharing this one's errors.
    Input child(nlohmann::json const& value, std::string const& suffix) const;

    void error(std::string const& key, std::string message);
    std::string pointer(std::string const& key) const;
    bool ok() const { return errors_->empty(); }
    /// @brief Throws 422 problem+json listing every fault, if any.
    void finish() const;
    nlohmann::json const& body() const { return body_; }

private:
    Input(nlohmann::json const& body, std::string pointer, std::shared_ptr<std::vector<service::FieldError>> errors);
    nlohmann::json const* member(std::string const& key, bool required);

    nlohmann::json const& body_;
    std::string pointer_;
    std::shared_ptr<std::vector<service::FieldError>> errors_;
};

/// @brief Parses a request body as JSON; malformed JSON → 400 problem with the parser's position.
nlohmann::json parse_body(std::string const& text);

/// @brief The body of a command that takes no fields ({} or empty): any member is a 422 fault.
void read_no_fields(nlohmann::json const& body);

}  // namespace hazeguard::api
