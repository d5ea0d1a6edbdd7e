#pragma once
/// @file import_progress.hpp
/// @brief The one-line text a terminal shows while a long list import runs: rows read, rows
/// valid, how far, and an estimate of the time left.

#include <string>

#include "engine/service/lists/prepared_list.hpp"

namespace hazeguard::service {

/// @brief E.g. "45,000 rows read, 45,000 valid, 44,000 stored, 44 %, about 1.3 s left" after
/// `elapsed_s` seconds: how far by the bytes read of the document's size (no estimate without
/// it), and the time left as the time so far scaled.
std::string import_progress_line(ImportProgress const& p, double elapsed_s);

}  // namespace hazeguard::service
