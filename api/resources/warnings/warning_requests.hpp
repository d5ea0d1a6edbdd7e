#pragma once
/// @file warning_requests.hpp
/// @brief The warning's request bodies read into the services' typed requests: forecasts,
/// proposals and their decisions, directives, observations. Every fault is collected with its
/// JSON pointer and thrown at once as one service::Error (validation), which answers 422.

#include <nlohmann/json.hpp>

#include "engine/service/forecasts/forecasts_service.hpp"
#include "engine/service/observations/observations_service.hpp"
#include "engine/service/warnings/directives_service.hpp"
#include "engine/service/warnings/proposals_service.hpp"
#include "plans/plan.hpp"

namespace hazeguard::api {

/// @brief issued_at, issuer, consulted_at, days[] (1 to 15 consecutive local dates) and rule_set.
service::ForecastSubmission read_forecast_submission(nlohmann::json const& body, plans::Plan const& plan,
                                                     int offset_minutes);
service::ProposalRequest read_proposal_request(nlohmann::json const& body, plans::Plan const& plan);
service::ApprovalRequest read_approval(nlohmann::json const& body);
service::RejectionRequest read_rejection(nlohmann::json const& body);
service::DirectiveRequest read_directive_request(nlohmann::json const& body, plans::Plan const& plan);
service::DirectiveLift read_directive_lift(nlohmann::json const& body);
/// @brief source and observations[] (1 to 10,000, each hourly or daily key at most once).
service::ObservationBatch read_observation_batch(nlohmann::json const& body, int offset_minutes);

}  // namespace hazeguard::api
