#pragma once
/// @file warning_notice.hpp
/// @brief The notice (通知) an approved proposal is published as, rendered from
/// templates/notices/warning_notice.mustache and stored with the proposal.

#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/store.hpp"
#include "engine/service/principal.hpp"
#include "engine/service/view_context.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::service {

/// @param proposal the proposal's view (ProposalsService)
std::string render_warning_notice(ViewContext const& views, ports::Store& store, nlohmann::json const& proposal,
                                  engine::WarningState const& state, Principal const& signer, engine::Instant signed_at);

}  // namespace hazeguard::service
