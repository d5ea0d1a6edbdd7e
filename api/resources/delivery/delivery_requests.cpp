#include "api/resources/delivery/delivery_requests.hpp"

#include <algorithm>
#include <string>

#include "api/app/input.hpp"
#include "engine/service/error.hpp"

namespace hazeguard::api {
using nlohmann::json;
using service::Errc;
using service::Error;

namespace {

/// http(s)://host[:port][/path]: no spaces, no fragment, no user info.
bool is_webhook_url(std::string const& url) {
    auto const scheme = url.rfind("https://", 0) == 0 ? 8u : url.rfind("http://", 0) == 0 ? 7u : 0u;
    if (scheme == 0 || url.size() <= scheme || url[scheme] == '/' || url.size() > 500) return false;
    for (unsigned char ch : url)
        if (ch <= 0x20 || ch >= 0x7f || ch == '#' || ch == '@' || ch == '"' || ch == '<' || ch == '>' || ch == '\\')
            return false;
    return true;
}

/// The receiver's URL, checked (see is_webhook_url).
std::optional<std::string> read_url(Input& in, bool required) {
    auto url = in.text("url", required, 500);
    if (url && !is_webhook_url(*url)) in.error("url", "must be an http:// or https:// URL without spaces, user info or fragment");
    return url;
}

/// A district of the plan, when given.
std::optional<std::string> read_district(Input& in, plans::Plan const& plan) {
    auto district = in.text("district", false, 100);
    if (district && std::find(plan.districts.begin(), plan.districts.end(), *district) == plan.districts.end())
        in.error("district", "is not a district of the plan");
    return district;
}

/// A gateway's push: a JSON array of objects (Alibaba pushes arrays; one object is taken as one).
json pushed_items(json const& body) {
    if (body.is_array()) return body;
    if (body.is_object()) return json::array({body});
    throw Error(Errc::validation, "the gateway's push must be a JSON array of objects", {{"", "must be an array"}});
}

std::string text_member(json const& item, char const* key) {
    auto const it = item.find(key);
    if (it == item.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return {};
}

}  // namespace

service::SubscriptionRequest read_subscription(json const& body, service::Principal const& who, plans::Plan const& plan) {
    Input in(body);
    in.reject_unknown({"name", "topic", "url", "district", "enterprise", "recipient"});
    auto const name = in.text("name", true, 100);
    auto const topic = in.one_of("topic", true, {"notices", "escalations", "orders"});
    auto const url = read_url(in, true);
    std::optional<std::string> district;
    if (topic && *topic != "escalations" && in.has("district") && !in.is_null("district"))
        in.error("district", "only an escalations subscription has a district");
    else
        district = read_district(in, plan);
    // An enterprise registers for its own orders only; an admin may do it for a plant it names.
    bool const plant = who.role == "enterprise";
    auto enterprise = in.text("enterprise", false, 32);
    if (plant) {
        if (topic && *topic != "orders") in.error("topic", "an enterprise may subscribe to its orders only");
        if (enterprise && *enterprise != who.enterprise_id) in.error("enterprise", "is not the token's enterprise");
        enterprise = who.enterprise_id;
    } else if (topic && *topic == "orders" && !enterprise) {
        in.error("enterprise", "an orders subscription names the plant (credit code)");
    } else if (topic && *topic != "orders" && enterprise) {
        in.error("enterprise", "only an orders subscription has an enterprise");
    }
    auto const recipient = in.text("recipient", false, 40);
    if (recipient && topic && *topic == "orders") in.error("recipient", "an orders subscription is the plant's own");
    in.finish();
    return {*name, *topic, *url, district, enterprise, recipient};
}

service::SubscriptionChange read_subscription_change(json const& body, plans::Plan const& plan) {
    Input in(body);
    in.reject_unknown({"name", "url", "district", "recipient"});
    service::SubscriptionChange change;
    change.name = in.text("name", false, 100);
    change.url = read_url(in, false);
    change.clear_district = in.is_null("district");
    change.district = read_district(in, plan);
    change.clear_recipient = in.is_null("recipient");
    change.recipient = in.text("recipient", false, 40);
    in.finish();
    return change;
}

std::vector<service::SmsReceipt> read_sms_receipts(json const& body) {
    std::vector<service::SmsReceipt> out;
    for (auto const& item : pushed_items(body)) {
        if (!item.is_object()) continue;
        auto const out_id = text_member(item, "out_id");
        if (out_id.empty() || out_id.size() > 18 || out_id.find_first_not_of("0123456789") != std::string::npos) continue;
        out.push_back({std::stoll(out_id), text_member(item, "phone_number"), item.value("success", false) == true,
                       text_member(item, "err_code")});
    }
    return out;
}

std::vector<service::SmsInboundReply> read_sms_replies(json const& body) {
    std::vector<service::SmsInboundReply> out;
    for (auto const& item : pushed_items(body)) {
        if (!item.is_object()) continue;
        service::SmsInboundReply reply{text_member(item, "phone_number"), text_member(item, "content"),
                                       text_member(item, "sequence_id")};
        if (reply.phone.empty()) continue;
        if (reply.sequence_id.empty()) reply.sequence_id = text_member(item, "send_time") + "|" + reply.content;
        out.push_back(std::move(reply));
    }
    return out;
}

plans::Roster read_roster(json const& document, plans::Plan const& plan) {
    auto parsed = plans::parse_roster(document, plan.districts);
    if (auto* problems = std::get_if<std::vector<plans::RosterProblem>>(&parsed)) {
        std::vector<service::FieldError> errors;
        for (auto& p : *problems) errors.push_back({std::move(p.pointer), std::move(p.message)});
        std::string const detail = "the roster has " + std::to_string(errors.size()) + " fault(s)";
        throw Error(Errc::validation, detail, std::move(errors));
    }
    return std::get<plans::Roster>(std::move(parsed));
}

}  // namespace hazeguard::api
