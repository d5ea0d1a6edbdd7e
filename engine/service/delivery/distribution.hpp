#pragma once
/// @file distribution.hpp
/// @brief When a notice counts as distributed (docs/delivery.md): each recipient is reached by
/// the first of its channels that delivers — its system's webhook answered 2xx, or the gateway's
/// receipt says a text arrived — and the notice is distributed when the last recipient is
/// reached, at that time, on time or not. Shared by the webhook and SMS dispatch.

#include <string>

#include "engine/ports/store.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief The roster recipient's key in a notice's recipients ("roster:xiaodian").
std::string roster_key(std::string const& recipient_id);

/// @brief `key` has the notice `message_id` from `now` (service clock). If it was the last one
/// missing, the timeline gets its `distribution` row. Repeats change nothing.
void record_reached(ports::Store& store, ViewContext const& views, std::string const& message_id,
                    std::string const& key, engine::Instant now);

}  // namespace hazeguard::service
