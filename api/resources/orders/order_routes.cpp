// The orders' routes (一厂一策), with their one-time links.
#include "api/resources/resource_routes.hpp"

#include "api/app/problem_response.hpp"
#include "api/app/query_params.hpp"
#include "api/resources/orders/order_json.hpp"
#include "api/resources/orders/order_requests.hpp"

namespace hazeguard::api::routes {
using nlohmann::json;
using service::Completion;

Table order_routes(service::Service& s) {
    return {
        {"GET", "/v1/links/{code}", {kAnyone, now([&](Context const& c) { return json_response(200, linked_order_json(s.views(), s.orders().order_by_link(c.match.code, s.now()))); }), kDefaultBodyLimit, true}},
        {"POST", "/v1/links/{code}/ack", {kAnyone, after_commit([&](Context const& c, Completion done) { s.orders().acknowledge_by_link(link_command(c), c.match.code, read_acknowledgement(body_of(c.request)), json_answer(s.views(), &ack_json, std::move(done))); }), kDefaultBodyLimit, true}},
        {"GET", "/v1/episodes/{id}/orders", {kStaff, now([&](Context const& c) { return json_response(200, order_page_json(s.views(), s.orders().episode_orders(id(c), order_filter(c.match), s.now()))); })}},
        {"GET", "/v1/me/orders", {kEnterprise, now([&](Context const& c) { return json_response(200, plant_orders_json(s.views(), s.orders().my_orders(c.principal))); })}},
        {"GET", "/v1/orders/{id}", {kAnyone, now([&](Context const& c) { return json_response(200, order_json(s.views(), s.orders().order(c.principal, id(c), c.match.query("text") != "false"))); })}},
        {"GET", "/v1/orders/{id}/order.html", {kAnyone, now([&](Context const& c) { return html_response(s.orders().order_html(c.principal, id(c))); })}},
        {"POST", "/v1/orders/{id}/ack", {kEnterprise, after_commit([&](Context const& c, Completion done) { s.orders().acknowledge(c.command(), id(c), read_acknowledgement(body_of(c.request)), json_answer(s.views(), &ack_json, std::move(done))); })}},
        {"POST", "/v1/orders/{id}/execution", {kEnterprise, after_commit([&](Context const& c, Completion done) { s.orders().report_execution(c.command(), id(c), read_execution_report(body_of(c.request)), json_answer(s.views(), &order_json, std::move(done))); })}},
    };
}

}  // namespace hazeguard::api::routes
