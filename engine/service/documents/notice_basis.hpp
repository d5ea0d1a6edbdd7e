#pragma once
/// @file notice_basis.hpp
/// @brief The basis of a notice in one plain sentence (official-documents.md §3.1 item 3): who
/// consulted, what they forecast (days, AQI categories, primary pollutant), and which of the
/// plan's criteria that meets — or the regional directive it follows. Never the engine's reasoning.

#include <string>

#include "engine/ports/store.hpp"
#include "engine/service/view_context.hpp"
#include "engine/time/document_time.hpp"

namespace hazeguard::service {

/// @brief "根据省、市专家组联合会商研判，预计12月15日至12月16日我市空气质量为中度污染，首要污染物为
/// PM2.5，达到《太原市重污染天气应急预案》黄色预警启动条件" (no closing punctuation).
/// @param criterion_cn what the forecast meets, e.g. "黄色预警启动条件", "预警解除条件"
/// @param lifting true for a lift: the days described are those from `from` on, however clean
std::string notice_basis_cn(ViewContext const& views, ports::Store& store, ports::ProposalRecord const& proposal,
                            std::string const& criterion_cn, bool lifting, engine::DocumentTimes& times);

}  // namespace hazeguard::service
