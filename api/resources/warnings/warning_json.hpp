#pragma once
/// @file warning_json.hpp
/// @brief The JSON views of the warning's resources (docs/api.md, api/openapi.json): forecasts,
/// proposals, directives, the status, episodes with their timelines and progress, observations.
/// Pure functions of the services' results; times local in the plan's offset.

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/forecasts/forecasts_service.hpp"
#include "engine/service/observations/observations_service.hpp"
#include "engine/service/progress/progress_service.hpp"
#include "engine/service/view_context.hpp"
#include "engine/service/warnings/directives_service.hpp"
#include "engine/service/warnings/episodes_service.hpp"
#include "engine/service/warnings/proposals_service.hpp"

namespace hazeguard::api {

using service::ViewContext;

nlohmann::json forecast_json(ViewContext const& views, service::ForecastSheet const& f);

nlohmann::json proposal_json(ViewContext const& views, service::ProposalSheet const& p);
/// @brief {"items": [...]}: each proposal's view without its notice text.
nlohmann::json proposals_json(ViewContext const& views, std::vector<service::ProposalSheet> const& items);

nlohmann::json directive_json(ViewContext const& views, ports::DirectiveRecord const& d);
nlohmann::json directives_json(ViewContext const& views, std::vector<ports::DirectiveRecord> const& items);

/// @brief GET /v1/status.
nlohmann::json status_json(ViewContext const& views, service::WarningStatus const& s);
nlohmann::json episodes_json(ViewContext const& views, std::vector<ports::EpisodeRecord> const& items);
/// @brief An episode with its timeline (each row's stored detail as is).
nlohmann::json episode_json(ViewContext const& views, service::EpisodeSheet const& e);
/// @brief GET /v1/episodes/{id}/progress, with the current batch's reduction plan against the
/// plan's targets.
nlohmann::json progress_json(ViewContext const& views, service::EpisodeProgress const& p);

/// @brief What a batch of observations did: received, created, replaced, unchanged, changes.
nlohmann::json observation_receipt_json(ViewContext const& views, service::ObservationReceipt const& r);
nlohmann::json observations_json(ViewContext const& views, service::ObservationRange const& range);

}  // namespace hazeguard::api
