#include "engine/service/command_runner.hpp"

#include <future>
#include <memory>

#include "engine/service/error.hpp"

namespace hazeguard::service {
using nlohmann::json;

Reply wait_for(std::function<void(Completion)> const& start) {
    auto answered = std::make_shared<std::promise<Reply>>();  // shared: the writer may outlive our wait
    auto answer = answered->get_future();
    start([answered](std::exception_ptr error, Reply reply) {
        if (error) answered->set_exception(error);
        else answered->set_value(std::move(reply));
    });
    return answer.get();
}

namespace {
bool is_storage_failure(std::exception_ptr const& error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (Error const& e) {
        return e.code == Errc::storage_unavailable;
    } catch (...) {
    }
    return false;
}
}  // namespace

void CommandRunner::run(Command c, std::function<Reply(Tx&)> body, Completion done) {
    struct Pending {
        Command command;
        std::function<Reply(Tx&)> body;
        Completion done;
        Reply reply;
    };
    auto p = std::make_shared<Pending>(Pending{std::move(c), std::move(body), std::move(done), {}});
    transactions_.write_async([this, p](ports::Store& store) { p->reply = execute(store, p->command, p->body); },
                              [this, p](std::exception_ptr error) {
                                  // Readiness follows the last write: off on a storage failure, on
                                  // again as soon as a write reaches the disk.
                                  if (!error) storage_writable_ = true;
                                  else if (is_storage_failure(error)) storage_writable_ = false;
                                  p->done(error, std::move(p->reply));
                              });
}

Reply CommandRunner::execute(ports::Store& store, Command const& c, std::function<Reply(Tx&)> const& body) {
    std::string const scope = c.principal.role + ":" + c.principal.name;
    if (c.idempotency_key) {
        if (auto const first = store.idempotency().find(scope, *c.idempotency_key)) {
            if (first->fingerprint != c.fingerprint)
                throw Error(Errc::idempotency_key_reused, "this Idempotency-Key was already used for a different request");
            return Reply{first->status, json::parse(first->body), first->location};
        }
    }
    Tx tx{store, real_now(), clock_.now()};
    Reply result = body(tx);
    if (c.idempotency_key)
        store.idempotency().remember(scope, *c.idempotency_key,
                                     {c.fingerprint, result.status, result.body.dump(), result.location}, tx.real_now);
    return result;
}

}  // namespace hazeguard::service
