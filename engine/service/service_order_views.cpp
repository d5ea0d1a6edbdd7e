// Enterprises read, acknowledge and report on their orders; officials follow progress.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>

#include "engine/orders/order_content.hpp"
#include "engine/service/input.hpp"
#include "engine/service/roles.hpp"
#include "engine/service/service.hpp"
#include "engine/service/service_tx.hpp"
#include "templates/renderer.hpp"

namespace hazeguard::service {
using nlohmann::json;
using engine::Instant;

namespace {
constexpr char const* kStatus[] = {"sent", "acknowledged", "executed"};

std::optional<Instant> opt(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<Instant>(c.getInt64());
}
json text_or_null(SQLite::Column const& c) { return c.isNull() ? json(nullptr) : json(c.getString()); }

struct OrderRow {
    std::int64_t id, batch, enterprise_id, episode, list_version, latest_batch;
    int kind, status;
    std::optional<std::int64_t> supersedes;
    std::string credit_code;
};

constexpr char const* kLoadRow =
    "SELECT o.batch_id, o.enterprise_id, b.episode_id, b.list_version, o.kind, o.status, o.supersedes, "
    "e.credit_code, (SELECT max(id) FROM order_batches x WHERE x.episode_id = b.episode_id) FROM orders o "
    "JOIN order_batches b ON b.id = o.batch_id JOIN enterprises e ON e.list_version = b.list_version AND "
    "e.id = o.enterprise_id WHERE o.id = ?";

OrderRow load_row(SQLite::Statement& q, std::int64_t id) {
    q.bind(1, id);
    if (!q.executeStep()) {
        q.reset();
        not_found("order " + std::to_string(id));
    }
    OrderRow const row{id,
            q.getColumn(0).getInt64(),
            q.getColumn(1).getInt64(),
            q.getColumn(2).getInt64(),
            q.getColumn(3).getInt64(),
            q.getColumn(8).getInt64(),
            q.getColumn(4).getInt(),
            q.getColumn(5).getInt(),
            opt(q.getColumn(6)),
            q.getColumn(7).getString()};
    q.reset();  // a cached statement must not keep its snapshot
    return row;
}

// Enterprises see only their own orders; officials see all. Another plant's order answers exactly
// as an id that does not exist, so an enterprise cannot learn which ids are in use.
void check_reader(Principal const& who, OrderRow const& row) {
    if (who.role == "enterprise" && who.enterprise_id != row.credit_code) not_found("order " + std::to_string(row.id));
}

std::optional<std::int64_t> successor(SQLite::Database& db, OrderRow const& row) {
    if (row.batch == row.latest_batch) return std::nullopt;
    // The successor is the same plant's row in the episode's next batch (index orders_batch).
    SQLite::Statement q(db, "SELECT o.id FROM orders o WHERE o.batch_id = (SELECT min(id) FROM order_batches "
                            "WHERE episode_id = ? AND id > ?) AND o.enterprise_id = ?");
    q.bind(1, row.episode);
    q.bind(2, row.batch);
    q.bind(3, row.enterprise_id);
    return q.executeStep() ? std::optional<std::int64_t>(q.getColumn(0).getInt64()) : std::nullopt;
}

// Keeps order_counts in step with one order's change (progress reads the counts, not the orders).
std::string bump_sql(std::string const& set) {
    return "UPDATE order_counts SET " + set + " WHERE batch_id = ? AND kind = ? AND (district, industry, grade) = "
           "(SELECT district, industry, grade FROM enterprises WHERE list_version = ? AND id = ?)";
}

void bump_counts(SQLite::Statement& u, OrderRow const& row, std::optional<Instant> ack_at) {
    int i = 1;
    if (ack_at) {
        u.bind(i++, *ack_at);
        u.bind(i++, row.batch);
    }
    u.bind(i++, row.batch);
    u.bind(i++, row.kind);
    u.bind(i++, row.list_version);
    u.bind(i++, row.enterprise_id);
    u.exec();
}

void refuse_superseded(SQLite::Database& db, OrderRow const& row) {
    if (row.batch == row.latest_batch) return;
    auto const next = successor(db, row);
    throw Problem(409, "/problems/order-superseded", "Order superseded",
                  "order " + std::to_string(row.id) + " was superseded by a newer order; act on that one",
                  {}, {{"superseded_by", next ? json(*next) : json(nullptr)}});
}
}  // namespace

json Service::order_view(std::int64_t id, bool with_text) {
    auto const row = load_row(cached(conn(), kLoadRow), id);
    SQLite::Statement q(conn(), "SELECT b.level, b.previous_level, b.issued_at, b.effective_from, b.ack_due_at, "
                              "b.execution_due_at, o.ack_at, o.ack_by, o.ack_phone, o.ack_note, o.executed_at, "
                              "o.execution, o.reminded_at, o.escalated_at, e.body FROM orders o JOIN order_batches b "
                              "ON b.id = o.batch_id JOIN enterprise_bodies e ON e.list_version = b.list_version AND "
                              "e.id = o.enterprise_id WHERE o.id = ?");
    q.bind(1, id);
    q.executeStep();
    auto const enterprise = enterprise_from_body(q.getColumn(14).getString());
    std::string const level = q.getColumn(0).isNull() ? "" : q.getColumn(0).getString();
    std::string const previous = q.getColumn(1).isNull() ? "" : q.getColumn(1).getString();
    auto const ack_due = opt(q.getColumn(4));
    auto const ack_at = opt(q.getColumn(6));
    bool const termination = row.kind == 1;
    auto const next = successor(conn(), row);
    json view{{"id", id},
              {"kind", termination ? "termination" : "order"},
              {"episode_id", row.episode},
              {"batch_id", row.batch},
              {"list_version", row.list_version},
              {"level", level.empty() ? json(nullptr) : level_view(plan_.rank(level))},
              {"previous_level", previous.empty() ? json(nullptr) : level_view(plan_.rank(previous))},
              {"issued_at", local(q.getColumn(2).getInt64())},
              {"effective_from", local(q.getColumn(3).getInt64())},
              {"deadlines", {{"ack_due_at", local_or_null(ack_due)}, {"execution_due_at", local_or_null(opt(q.getColumn(5)))}}},
              {"status", kStatus[row.status]},
              {"current", row.batch == row.latest_batch},
              {"supersedes", row.supersedes ? json(*row.supersedes) : json(nullptr)},
              {"superseded_by", next ? json(*next) : json(nullptr)},
              {"acknowledgement", nullptr},
              {"execution", q.getColumn(11).isNull() ? json(nullptr) : json::parse(q.getColumn(11).getString())},
              {"reminded_at", local_or_null(opt(q.getColumn(12)))},
              {"escalated_at", local_or_null(opt(q.getColumn(13)))},
              {"drill", options_.drill}};
    if (ack_at)
        view["acknowledgement"] = {{"at", local(*ack_at)}, {"by", text_or_null(q.getColumn(7))},
                                   {"phone", text_or_null(q.getColumn(8))}, {"note", text_or_null(q.getColumn(9))},
                                   {"late", ack_due && *ack_at > *ack_due}};
    json contacts = json::array();
    for (auto const& c : enterprise.contacts) contacts.push_back({{"role", c.role}, {"name", c.name}, {"phone", c.phone}});
    view["enterprise"] = {{"credit_code", enterprise.credit_code}, {"name", enterprise.name},
                          {"district", enterprise.district},       {"park", enterprise.park},
                          {"industry", enterprise.industry},       {"grade", enterprise.grade},
                          {"guarantee", enterprise.guarantee},     {"contacts", contacts}};
    if (!termination) {
        auto const content = engine::select_order(plan_, enterprise, level);
        json measures = json::array();
        for (auto const& m : content.measures) measures.push_back({{"text", m.text}, {"lines", m.lines}, {"action", m.action}});
        view["content"] = {{"source", content.source}, {"measures", measures}, {"transport", content.transport},
                           {"reductions_t_per_day", content.reductions_t_per_day}};
    }
    if (with_text) view["text_cn"] = templates::render(termination ? "orders/termination" : "orders/order",
                                                        order_template_data(view));
    return view;
}

json Service::order_template_data(json const& view) const {
    json d = view;
    d["office_cn"] = plan_.city_cn + "重污染天气应急指挥部办公室";
    d["level_cn"] = view.at("level").is_null() ? "" : view.at("level").at("name_cn");
    d["previous_level_cn"] = view.at("previous_level").is_null() ? "" : view.at("previous_level").at("name_cn");
    if (view.contains("content")) {
        json reductions = json::array();
        for (auto const& [p, t] : view.at("content").at("reductions_t_per_day").items()) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.3f", t.get<double>());
            reductions.push_back({{"pollutant", p}, {"t_per_day", buf}});
        }
        d["reductions"] = reductions;
        d["has_transport"] = !view.at("content").at("transport").get<std::string>().empty();
        for (auto& m : d["content"]["measures"]) {
            std::string joined;
            for (auto const& l : m.at("lines")) joined += (joined.empty() ? "" : "、") + l.get<std::string>();
            m["lines_cn"] = joined.empty() ? json(nullptr) : json(joined);
        }
    }
    return d;
}

void Service::acknowledge_order(Command const& c, std::int64_t id, json const& body, Completion done) {
    require_role(c.principal, {"enterprise"});
    Input in(body);
    in.reject_unknown({"by", "phone", "note"});
    auto const by = in.text("by", true, 100);
    auto const phone = in.text("phone", true, 20);
    if (phone && (phone->size() < 7 || phone->find_first_not_of("0123456789+- ") != std::string::npos))
        in.error("phone", "must be a phone number of 7 to 20 digits");
    auto const note = in.text("note", false, 2000).value_or("");
    in.finish();
    // The write job stays small (group commit: it runs on the one writer thread); the answer is
    // built from what the job read and wrote, not from a full order view. Nobody waits for it: the
    // job owns copies of what it needs, and `done` answers once its group is on disk.
    run_async(c, [this, id, who = c.principal, ack_by = *by, ack_phone = *phone, note](Tx& tx) {
        auto const row = load_row(cached(tx.db, kLoadRow), id);
        check_reader(who, row);
        if (row.status == 0) {  // a repeated acknowledgement returns the first one unchanged
            refuse_superseded(tx.db, row);
            auto& u = cached(tx.db, "UPDATE orders SET status = 1, ack_at = ?, ack_by = ?, ack_phone = ?, "
                                    "ack_note = ? WHERE id = ? AND status = 0");
            u.bind(1, tx.now);
            u.bind(2, ack_by);
            u.bind(3, ack_phone);
            u.bind(4, note);
            u.bind(5, id);
            u.exec();
            bump_counts(cached(tx.db, bump_sql("acknowledged = acknowledged + 1, acknowledged_late = "
                                               "acknowledged_late + (SELECT ? > ack_due_at FROM order_batches WHERE id = ?)")),
                        row, tx.now);
        }
        auto& a = cached(tx.db, "SELECT o.status, o.ack_at, o.ack_by, o.ack_phone, o.ack_note, b.ack_due_at "
                                "FROM orders o JOIN order_batches b ON b.id = o.batch_id WHERE o.id = ?");
        a.bind(1, id);
        a.executeStep();
        Instant const at = a.getColumn(1).getInt64();
        auto const due = opt(a.getColumn(5));
        json const answer{{"id", id},
                        {"status", kStatus[a.getColumn(0).getInt()]},
                        {"current", row.batch == row.latest_batch},
                        {"acknowledgement",
                         {{"at", local(at)}, {"by", a.getColumn(2).getString()}, {"phone", a.getColumn(3).getString()},
                          {"note", text_or_null(a.getColumn(4))}, {"late", due && at > *due}}},
                        {"drill", options_.drill}};
        return Reply{200, answer, ""};
    }, std::move(done));
}

void Service::report_execution(Command const& c, std::int64_t id, json const& body, Completion done) {
    require_role(c.principal, {"enterprise"});
    Input in(body);
    in.reject_unknown({"lines", "electricity", "note"});
    auto const note = in.text("note", false, 4000).value_or("");
    json lines = json::array(), readings = json::array();
    if (in.has("lines") && !in.body().at("lines").is_array()) in.error("lines", "must be an array");
    else if (in.has("lines"))
        for (std::size_t i = 0; i < in.body().at("lines").size(); ++i) {
            Input l = in.child(in.body().at("lines")[i], "lines/" + std::to_string(i));
            l.reject_unknown({"line_id", "status", "note"});
            auto const line = l.text("line_id", true, 64);
            auto const status = l.one_of("status", true, {"stopped", "limited", "running", "other"});
            lines.push_back({{"line_id", line.value_or("")}, {"status", status.value_or("")},
                             {"note", l.text("note", false).value_or("")}});
        }
    if (in.has("electricity") && !in.body().at("electricity").is_array()) in.error("electricity", "must be an array");
    else if (in.has("electricity"))
        for (std::size_t i = 0; i < in.body().at("electricity").size(); ++i) {
            Input r = in.child(in.body().at("electricity")[i], "electricity/" + std::to_string(i));
            r.reject_unknown({"meter", "kwh", "at"});
            auto const meter = r.text("meter", true, 64);
            auto const& v = r.body().is_object() && r.body().contains("kwh") ? r.body().at("kwh") : json();
            if (!v.is_number() || v.get<double>() < 0) r.error("kwh", "must be a number ≥ 0");
            auto const at = r.instant("at", false);
            readings.push_back({{"meter", meter.value_or("")}, {"kwh", v.is_number() ? v : json(0)},
                                {"at", at ? json(local(*at)) : json(nullptr)}});
        }
    in.finish();
    run_async(c, [this, id, note, lines = std::move(lines), readings = std::move(readings), who = c.principal](Tx& tx) {
        auto const row = load_row(cached(tx.db, kLoadRow), id);
        check_reader(who, row);
        refuse_superseded(tx.db, row);
        if (row.kind != 0)
            throw Problem(409, "/problems/not-an-order", "Not an order", "a termination notice needs no execution report");
        if (row.status == 0)
            throw Problem(409, "/problems/order-not-acknowledged", "Order not acknowledged",
                          "acknowledge the order before reporting its execution");
        auto const e = enterprise_from_body(tx.db.execAndGet(
            "SELECT body FROM enterprise_bodies WHERE list_version = " + std::to_string(row.list_version) +
            " AND id = " + std::to_string(row.enterprise_id)).getString());
        std::vector<FieldError> errors;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            auto const lid = lines[i].at("line_id").get<std::string>();
            bool const known = std::any_of(e.lines.begin(), e.lines.end(), [&](auto const& l) { return l.id == lid; });
            if (!known) errors.push_back({"/lines/" + std::to_string(i) + "/line_id", "the plant has no line " + lid});
        }
        if (!errors.empty()) throw Problem(422, "/problems/validation", "Invalid request", errors.front().message, errors);
        json const report{{"reported_at", local(tx.now)}, {"reported_by", who.name}, {"lines", lines},
                          {"electricity", readings}, {"note", note}};
        SQLite::Statement u(tx.db, "UPDATE orders SET status = 2, executed_at = ?, execution = ? WHERE id = ?");
        u.bind(1, tx.now);
        u.bind(2, report.dump());
        u.bind(3, id);
        u.exec();
        if (row.status == 1)  // a re-report counts once
            bump_counts(cached(tx.db, bump_sql("executed = executed + 1")), row, std::nullopt);
        return Reply{200, order_view(id, false), ""};
    }, std::move(done));
}

json Service::order(Principal const& who, std::int64_t id, bool with_text) {
    auto lock = read_lock();
    check_reader(who, load_row(cached(conn(), kLoadRow), id));
    return order_view(id, with_text);
}

json Service::my_orders(Principal const& who) {
    if (who.role != "enterprise") forbidden("/problems/forbidden-role", "only enterprise tokens have their own orders");
    auto lock = read_lock();
    SQLite::Statement q(conn(), "SELECT o.id FROM enterprises e JOIN order_batches b ON b.list_version = e.list_version "
                              "JOIN orders o ON o.batch_id = b.id AND o.enterprise_id = e.id WHERE e.credit_code = ? "
                              "ORDER BY o.id DESC LIMIT 200");
    q.bind(1, who.enterprise_id);
    std::vector<std::int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    json items = json::array();
    for (auto id : ids) items.push_back(order_view(id, false));
    return {{"enterprise", who.enterprise_id}, {"items", items}};
}

}  // namespace hazeguard::service
