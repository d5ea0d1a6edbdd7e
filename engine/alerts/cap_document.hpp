#pragma once
/// @file cap_document.hpp
/// @brief The words and values of one CAP 1.2 alert (docs/cap.md): the data that
/// templates/cap/alert.xml.mustache renders. Pure. Chinese (zh-CN) first, English (en) after it,
/// one info block per period and language.

#include <string>

#include <nlohmann/json.hpp>

#include "engine/alerts/public_alert.hpp"
#include "plans/plan.hpp"

namespace hazeguard::engine {

/// @brief The identity of one alert as published.
struct CapHeader {
    std::string identifier;
    Instant sent = 0;
    bool exercise = false;  ///< drill mode: status Exercise
};

/// @brief The template data of `alert`. Precondition: plan.public_alert is set.
nlohmann::json cap_document(plans::Plan const& plan, PublicAlert const& alert, CapHeader const& header);

/// @brief The Chinese headline of `alert` (also the title of its feed entry).
std::string cap_headline_cn(plans::Plan const& plan, PublicAlert const& alert);

}  // namespace hazeguard::engine
