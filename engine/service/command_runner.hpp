#pragma once
/// @file command_runner.hpp
/// @brief The write path of every service's commands: the job in one durable transaction (group
/// commit), the Idempotency-Key replay, and readiness following the last write.

#include <atomic>
#include <type_traits>

#include "engine/ports/transactions.hpp"
#include "engine/service/clock.hpp"
#include "engine/service/command.hpp"

namespace hazeguard::service {

class CommandRunner {
public:
    /// @param transactions and @param clock must outlive the runner.
    CommandRunner(ports::Transactions& transactions, Clock const& clock) : transactions_(transactions), clock_(clock) {}

    /// @brief Returns at once. `body` runs later on the writer thread inside the transaction, so
    /// it owns copies of what it needs; `done` answers once the transaction is on disk. A key seen
    /// before answers as the first time (422 idempotency_key_reused for a different request).
    void run(Command c, std::function<Reply(Tx&)> body, Completion done);

    /// @brief As run() for a job that returns a typed result: `answer.present` makes its Reply
    /// in the same transaction (so the Idempotency-Key remembers what was answered).
    template <class Job, class Result = std::invoke_result_t<Job&, Tx&>>
    void run(Command c, Job job, Answer<Result> answer) {
        run(std::move(c),
            [job = std::move(job), present = std::move(answer.present)](Tx& tx) { return present(job(tx)); },
            std::move(answer.done));
    }

    /// @brief False from a write that failed in storage (disk full, I/O error) until one succeeds.
    bool storage_writable() const { return storage_writable_; }
    /// @brief A write outside run() (a timer) failed in storage: readiness off until one succeeds.
    void mark_storage_failed() { storage_writable_ = false; }

private:
    Reply execute(ports::Store& store, Command const& c, std::function<Reply(Tx&)> const& body);
    ports::Transactions& transactions_;
    Clock const& clock_;
    std::atomic<bool> storage_writable_{true};
};

}  // namespace hazeguard::service
