// Fuzz target: the JSON request bodies of the write commands, through api::parse_body, each
// command's request reader (api/resources/*: read_forecast_submission, read_proposal_request,
// read_observation_batch, ...) and its service, on a fresh copy of the fuzz database
// (tests/fuzz/support/fuzz_service.hpp).
//
// Input: one selector byte (the command, modulo the table below), then the body.
// A finding: a crash or sanitizer report, an exception other than a Problem, a Problem that is not
// 4xx (503 storage-busy aside), a reply >= 500, a problem or reply that does not serialize, text in
// it that is not valid UTF-8 or quotes "[json.exception", or no answer within 5 s.
#include <cstdint>
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <string_view>

#include "api/app/input.hpp"
#include "api/app/problem.hpp"
#include "api/resources/orders/order_json.hpp"
#include "api/resources/orders/order_requests.hpp"
#include "api/resources/warnings/warning_json.hpp"
#include "api/resources/warnings/warning_requests.hpp"
#include "tests/fuzz/support/fuzz_checks.hpp"
#include "tests/fuzz/support/fuzz_service.hpp"

namespace {
using namespace hazeguard;
using nlohmann::json;

struct Command {
    char const* name;
    char const* as;   // placeholder of the caller
    void (*run)(service::Service&, service::Command const&, json const&, service::Completion);
};

// A command's result presented as the API presents it (the status aside).
template <class Result, class View>
service::Answer<Result> presented(service::Service& s, View view, service::Completion done) {
    return {[&s, view](Result const& r) { return service::Reply{200, view(s.views(), r), ""}; }, std::move(done)};
}

// Ids 1 and 2 exist in the fuzz database: proposal 2 is pending, order 1 is @enterprise's.
Command const kCommands[] = {
    {"forecast", "@duty",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.forecasts().submit(c, api::read_forecast_submission(b, s.plan(), s.views().offset_minutes),
                              presented<service::ForecastSheet>(s, api::forecast_json, std::move(d)));
     }},
    {"proposal", "@duty",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.proposals().create(c, api::read_proposal_request(b, s.plan()),
                              presented<service::ProposalSheet>(s, api::proposal_json, std::move(d)));
     }},
    {"observations", "@duty",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.observations().record_observations(c, api::read_observation_batch(b, s.views().offset_minutes),
                                              presented<service::ObservationReceipt>(s, api::observation_receipt_json, std::move(d)));
     }},
    {"directive", "@duty",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.directives().create(c, api::read_directive_request(b, s.plan()),
                               presented<ports::DirectiveRecord>(s, api::directive_json, std::move(d)));
     }},
    {"approve", "@mayor",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.proposals().approve(c, 2, api::read_approval(b), presented<service::ProposalSheet>(s, api::proposal_json, std::move(d)));
     }},
    {"reject", "@mayor",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.proposals().reject(c, 2, api::read_rejection(b), presented<service::ProposalSheet>(s, api::proposal_json, std::move(d)));
     }},
    {"ack", "@enterprise",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.orders().acknowledge(c, 1, api::read_acknowledgement(b), presented<service::AckOutcome>(s, api::ack_json, std::move(d)));
     }},
    {"execution", "@enterprise",
     [](auto& s, auto const& c, auto const& b, auto d) {
         s.orders().report_execution(c, 1, api::read_execution_report(b),
                                     presented<service::OrderSheet>(s, api::order_json, std::move(d)));
     }},
};
constexpr std::size_t kCount = sizeof kCommands / sizeof kCommands[0];

// The problem+json a client would get must be a 4xx (or 503 busy) and serialize as valid UTF-8.
void check_problem(std::string const& what, api::Problem const& p, std::string_view input) {
    if ((p.status < 400 || p.status > 499) && p.status != 503)
        fuzz::finding(what + ": problem with status " + std::to_string(p.status), p.detail);
    json body = p.extra.is_object() ? p.extra : json::object();
    body["type"] = p.type;
    body["title"] = p.title;
    body["detail"] = p.detail;
    for (auto const& e : p.errors) body["errors"].push_back({{"pointer", e.pointer}, {"message", e.message}});
    fuzz::check_dumps(what + " problem", body);
    fuzz::check_client_text(what + " problem", body.dump(), input);
}

void check_error(std::string const& what, std::exception_ptr error, std::string_view input) {
    try {
        std::rethrow_exception(error);
    } catch (service::Error const& e) {
        check_problem(what, api::problem_of(e), input);
    } catch (std::exception const& e) {
        fuzz::finding(what + ": unexpected exception (a 500): " + e.what());
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::FuzzService::get();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size == 0) return -1;
    auto& fixture = fuzz::FuzzService::get();
    Command const& command = kCommands[data[0] % kCount];
    std::string const text(fuzz::as_text(data + 1, size - 1));
    std::string const what = command.name;
    json body;
    try {
        body = api::parse_body(text);
    } catch (...) {
        check_error(what + " parse_body", std::current_exception(), text);
        return 0;
    }
    auto instance = fixture.fresh();
    auto answered = std::make_shared<std::promise<void>>();
    auto done = answered->get_future();
    try {
        command.run(*instance->service, {fixture.principal(command.as), std::nullopt, "fuzz"}, body,
                    [answered, what, text](std::exception_ptr error, service::Reply reply) {
                        if (error) {
                            check_error(what + " (after commit)", error, text);
                        } else {
                            if (reply.status >= 500) fuzz::finding(what + ": reply " + std::to_string(reply.status));
                            fuzz::check_dumps(what + " reply", reply.body);
                            fuzz::check_client_text(what + " reply", reply.body.dump(), text);
                        }
                        answered->set_value();
                    });
    } catch (...) {   // refused by validation: `done` is never called
        check_error(what, std::current_exception(), text);
        return 0;
    }
    if (done.wait_for(fuzz::kAnswerWait) != std::future_status::ready)
        fuzz::finding(what + ": no answer within 5 s", text);
    return 0;
}
