#pragma once
/// @file console_data.hpp
/// @brief Every call the console makes to the application services, in one place: reads answer
/// the services' JSON views (the same the API answers), commands answer through a Completion.
/// The pages build their data from these only, so a change in a service's types touches this
/// file and nothing else of the console.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/service/command.hpp"
#include "engine/service/orders/orders_service.hpp"
#include "engine/service/service.hpp"

namespace hazeguard::api::console_data {

// --- reads ------------------------------------------------------------------------------------
nlohmann::json status(service::Service& s);
nlohmann::json proposals(service::Service& s, std::optional<std::string> const& status);
nlohmann::json proposal(service::Service& s, std::int64_t id);
nlohmann::json directives(service::Service& s);
nlohmann::json forecast(service::Service& s, std::int64_t id);
nlohmann::json episodes(service::Service& s);
nlohmann::json episode(service::Service& s, std::int64_t id);
nlohmann::json progress(service::Service& s, std::int64_t episode);
nlohmann::json episode_orders(service::Service& s, std::int64_t episode, service::OrderFilter const& filter);
/// @brief The order a one-time link opens (not_found, link_expired as the API).
nlohmann::json order_by_link(service::Service& s, std::string const& code);
/// @brief The assessment a forecast body (POST /v1/forecasts's) would get, without storing
/// anything: a forecast view without id, its `assessment` as the stored one has it but read as if
/// no warning were in force. Error(validation) while the body is incomplete.
nlohmann::json preview_assessment(service::Service& s, nlohmann::json const& body);
/// @brief The plan's levels and districts, industries and grades of the list, for the forms.
nlohmann::json plan_choices(service::Service& s);

// --- printable documents (HTML as the API serves them) ------------------------------------------
std::string notice_html(service::Service& s, std::int64_t proposal);
std::string order_html(service::Service& s, service::Principal const& who, std::int64_t order);
std::string report_html(service::Service& s, std::int64_t episode);

// --- commands ---------------------------------------------------------------------------------
void submit_forecast(service::Service& s, service::Command const& c, nlohmann::json const& body, service::Completion done);
void create_proposal(service::Service& s, service::Command const& c, nlohmann::json const& body, service::Completion done);
void approve(service::Service& s, service::Command const& c, std::int64_t id, nlohmann::json const& body,
             service::Completion done);
void reject(service::Service& s, service::Command const& c, std::int64_t id, nlohmann::json const& body,
            service::Completion done);
/// @brief Records a regional directive (POST /v1/directives's body).
void record_directive(service::Service& s, service::Command const& c, nlohmann::json const& body, service::Completion done);
/// @brief Lifts directive `id` now (or cancels it before its start), as POST /v1/directives/{id}/lift with {}.
void lift_directive(service::Service& s, service::Command const& c, std::int64_t id, service::Completion done);
void acknowledge_by_link(service::Service& s, service::Command const& c, std::string const& code,
                         nlohmann::json const& body, service::Completion done);
/// @brief The execution report of order `id` (POST /v1/orders/{id}/execution's body).
void report_execution(service::Service& s, service::Command const& c, std::int64_t id, nlohmann::json const& body,
                      service::Completion done);

}  // namespace hazeguard::api::console_data
