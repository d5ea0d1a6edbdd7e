#pragma once
/// @file command.hpp
/// @brief What every command of every service has in common: who sent it (and its
/// Idempotency-Key), how it answers, and the transaction its job runs in.

#include <exception>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ports/store.hpp"
#include "engine/service/principal.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::service {

/// @brief A command's answer as its caller presents it: status, JSON body and (for creations) the
/// new resource's path. The services never build one: a command's job returns its typed result
/// and the caller's Present turns it into the Reply (api/resources/), which the CommandRunner
/// remembers with the Idempotency-Key so that a replay answers exactly as the first time.
struct Reply {
    int status = 200;
    nlohmann::json body;
    std::string location;
};

/// @brief How an asynchronous command ends, called exactly once on the group-commit writer thread
/// after the command's transaction is on disk: `error` is null and `reply` the answer, or `error`
/// says why nothing was written (a service::Error for a refusal). Must be quick and must not block.
/// (A list import's dry run writes nothing and completes at once, on the calling thread.)
using Completion = std::function<void(std::exception_ptr error, Reply reply)>;

/// @brief How a command's typed result becomes its answer; called on the writer thread inside
/// the command's transaction, so it must be quick, pure and not throw for a valid result.
template <class Result>
using Present = std::function<Reply(Result const&)>;

/// @brief What a command's caller passes for its answer: the presentation of its result and the
/// Completion that receives it once the transaction is on disk.
template <class Result>
struct Answer {
    Present<Result> present;
    Completion done;
};

/// @brief Starts an asynchronous command with a Completion and waits for it: returns its reply or
/// rethrows its error (a validation Error thrown by `start` itself propagates as is). For callers
/// that need the answer before going on (the CLI, start-up); never call it from a Completion.
Reply wait_for(std::function<void(Completion)> const& start);

/// @brief Per-request context of a command.
struct Command {
    Principal principal;
    std::optional<std::string> idempotency_key;
    std::string fingerprint;   ///< hash of method + path + body, for Idempotency-Key replays
};

/// @brief One command's transaction, passed to its job explicitly.
struct Tx {
    ports::Store& store;
    engine::Instant real_now;   ///< wall clock, for bookkeeping columns
    engine::Instant now;        ///< the service clock (simulated in drills): what the plan's rules see
};

}  // namespace hazeguard::service
