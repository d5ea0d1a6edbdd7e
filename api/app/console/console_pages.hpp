#pragma once
/// @file console_pages.hpp
/// @brief The data of each console page, built from the services' JSON views (the same the API
/// answers), in the words and time style of a duty room: "12月15日0时".

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/error.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api {

/// @brief The status board: the level in force and why, the scheduled change, proposals awaiting
/// a signature with their deadlines, directives in force, the timers due next.
nlohmann::json board_data(service::Service& s);

/// @brief A plant's order page from its one-time link view (GET /v1/links/{code}); `form` is what
/// was typed when `errors` say why it was refused.
nlohmann::json order_page_data(nlohmann::json const& order, std::string const& code,
                               std::vector<service::FieldError> const& errors = {},
                               nlohmann::json const& form = nlohmann::json::object());

}  // namespace hazeguard::api
