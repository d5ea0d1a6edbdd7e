#pragma once
/// @file list_problem_text.hpp
/// @brief The problems of a list import as a bureau writes them (第12行：统一社会信用代码校验位错误…).
/// The readers and the validator write each problem once, in English (the API's `message`); this
/// catalogue (list_problem_text.cpp) is the one place that says each of them in Chinese, matching
/// the English sentence's fixed words and carrying its values over. docs/list-format.md lists them.

#include <optional>
#include <string>
#include <string_view>

#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

/// @brief The sentence of `message` in Chinese, without its place; none when the catalogue has no
/// entry for it (a test reads every problem the readers can report and requires one).
std::optional<std::string> problem_sentence_cn(std::string_view message);

/// @brief Where the problem is, in the list's words: "统一社会信用代码", "减排措施第2条·预警级别",
/// "表头第3列"; "" for the document as a whole.
std::string problem_field_cn(std::string_view pointer);

/// @brief The whole text: its place and its sentence — "第12行：统一社会信用代码校验位错误：…" for a
/// CSV row, "第12家企业：…" for a JSON entry, "表头：…", or the sentence alone for the document.
/// A message the catalogue does not know is given as it is.
std::string problem_text_cn(ListProblem const& problem);

}  // namespace hazeguard::engine
