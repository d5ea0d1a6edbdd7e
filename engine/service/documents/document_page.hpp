#pragma once
/// @file document_page.hpp
/// @brief One layout for every document the server prints (notices, 调度令, orders): the elements
/// of GB/T 9704-2012 in their order, as plain text (templates/documents/page.mustache) and as a
/// printable A4 HTML page (templates/documents/page.html.mustache).
///
/// A page: {drill, mark_cn (发文机关), number_cn (发文字号, or null), title_cn, addressees_cn,
/// paragraphs: [{text_cn, heading (0 body, 1 一、, 2 （一）)}], signature: [issuer, date],
/// note_cn (附注, or null), colophon: [版记 lines]}.

#include <string>

#include <nlohmann/json.hpp>

namespace hazeguard::service {

/// @brief The page of a notice or 调度令 (its stored JSON, notice_document.hpp).
nlohmann::json notice_page(nlohmann::json const& document);

/// @brief The page as plain text: paragraphs indented two characters, no blank line left by an
/// absent element.
std::string page_text(nlohmann::json const& page);

/// @brief The page as one self-contained HTML document: A4, GB/T 9704 margins, a 仿宋/宋/楷
/// font chain with free Debian faces as fallbacks, print CSS; marked 【演练】 in a drill.
std::string page_html(nlohmann::json const& page);

}  // namespace hazeguard::service
