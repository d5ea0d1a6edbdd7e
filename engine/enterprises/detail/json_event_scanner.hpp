#pragma once
/// @file json_event_scanner.hpp
/// @brief A list document's JSON as nlohmann's SAX events, from a hand-written scanner: strings
/// are taken in runs (UTF-8 checked as they go), numbers converted without strtod in the common
/// case, the bytes taken a chunk at a time. It accepts exactly what nlohmann's parser accepts and
/// gives the same events; a document it refuses is read a second time by nlohmann's parser
/// (sax_parse_untrusted), whose failure is thrown, so the message and its position are nlohmann's.

#include <nlohmann/json.hpp>

#include "engine/util/untrusted_json_stream.hpp"

namespace hazeguard::engine::detail {

/// @brief Feeds `source` to `sax`. Throws what sax_parse_untrusted throws for a document it
/// refuses (`sax` has then seen events of the part before the fault, and the source was rewound);
/// a stream that cannot seek back gets a JsonInputError of its own, with the byte of the fault.
void scan_json_events(JsonSource& source, nlohmann::json_sax<nlohmann::json>& sax, int max_depth = kMaxJsonDepth);

}  // namespace hazeguard::engine::detail
