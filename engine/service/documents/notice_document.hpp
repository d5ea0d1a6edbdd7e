#pragma once
/// @file notice_document.hpp
/// @brief The document (公文) a signed proposal is published as: a 通知 for a warning's issue,
/// upgrade, downgrade, extension or lift, or the adverse-weather stage's numbered 调度令. Its
/// elements follow GB/T 9704-2012 where they apply (official-documents.md §1.2): issuer, number,
/// title, addressees, body, issuer and date, 附注 (contact), 抄送, 印发. The number is assigned
/// and the document stored in the signing transaction.
///
/// The document's JSON (stored in table documents, laid out by document_page.hpp):
/// {kind: "notice"|"dispatch", drill, issuer_cn, number_cn, title_cn, addressees_cn,
///  body_cn: [paragraph], sections: [{heading_cn, items: [{index, text_cn}],
///  subsections: [{heading_cn, items}]}], closing_cn, date_cn, contact_cn, copy_to_cn, printed_cn,
///  metadata: {plan_id, plan_version, proposal_id, action, level, previous_level, series, period,
///  serial, signed_at, signed_by, authority}}

#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/store.hpp"
#include "engine/service/principal.hpp"
#include "engine/service/view_context.hpp"
#include "engine/workflow/warning_state.hpp"

namespace hazeguard::service {

/// @brief A published document: its JSON and its plain text.
struct PublishedNotice {
    nlohmann::json document;
    std::string text_cn;
};

/// @brief Numbers, builds and stores the document of proposal `p`, signed at `signed_at` while the
/// warning was in `state` (before the action). Runs inside the signing transaction.
PublishedNotice publish_notice(ViewContext const& views, ports::Store& store, ports::ProposalRecord const& p,
                               engine::WarningState const& state, Principal const& signer, engine::Instant signed_at);

/// @brief What a proposal's view says of its document: {kind, number_cn, title_cn, date_cn,
/// metadata} (the plan version and proposal id live here, not in the text).
nlohmann::json document_summary(nlohmann::json const& document);

/// @brief The plain text of a stored document (templates/documents/page.mustache).
std::string notice_text(nlohmann::json const& document);

}  // namespace hazeguard::service
