#include "engine/storage/sqlite/sqlite_public_alert_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {

namespace {

// Columns: identifier, sent, msg_type, expires, closes, warning, headline_cn[, xml]
ports::PublicAlertRecord record_at(SQLite::Statement& q, bool with_xml) {
    ports::PublicAlertRecord r{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                               optional_int(q.getColumn(3)), q.getColumn(4).getInt() != 0, q.getColumn(5).getInt(),
                               q.getColumn(6).getString(), ""};
    if (with_xml) r.xml = q.getColumn(7).getString();
    return r;
}

constexpr char const* kAlertColumns = "identifier, sent, msg_type, expires, closes, warning, headline_cn";

}  // namespace

void SqlitePublicAlertRepository::append(ports::PublicAlertRecord const& a) {
    auto& q = st_.get("INSERT INTO public_alerts(identifier, sent, msg_type, expires, closes, warning, headline_cn, xml) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, a.identifier);
    q.bind(2, a.sent);
    q.bind(3, a.msg_type);
    bind_optional(q, 4, a.expires);
    q.bind(5, a.closes ? 1 : 0);
    q.bind(6, a.warning);
    q.bind(7, a.headline_cn);
    q.bind(8, a.xml);
    q.exec();
}

std::vector<ports::PublicAlertRecord> SqlitePublicAlertRepository::last_warning() {
    auto& q = st_.get(std::string("SELECT ") + kAlertColumns +
                      " FROM public_alerts WHERE warning = (SELECT MAX(warning) FROM public_alerts) ORDER BY seq");
    std::vector<ports::PublicAlertRecord> out;
    while (q.executeStep()) out.push_back(record_at(q, false));
    return out;
}

int SqlitePublicAlertRepository::count_sent_at(engine::Instant sent) {
    auto& q = st_.get("SELECT COUNT(*) FROM public_alerts WHERE sent = ?");
    q.bind(1, sent);
    q.executeStep();
    int const n = q.getColumn(0).getInt();
    q.reset();
    return n;
}

std::vector<ports::PublicAlertRecord> SqlitePublicAlertRepository::recent(int limit) {
    auto& q = st_.get(std::string("SELECT ") + kAlertColumns + " FROM public_alerts ORDER BY seq DESC LIMIT ?");
    q.bind(1, limit);
    std::vector<ports::PublicAlertRecord> out;
    while (q.executeStep()) out.push_back(record_at(q, false));
    return out;
}

std::optional<ports::PublicAlertRecord> SqlitePublicAlertRepository::find(std::string const& identifier) {
    auto& q = st_.get(std::string("SELECT ") + kAlertColumns + ", xml FROM public_alerts WHERE identifier = ?");
    q.bind(1, identifier);
    if (!q.executeStep()) return std::nullopt;
    auto r = record_at(q, true);
    q.reset();
    return r;
}

}  // namespace hazeguard::storage
