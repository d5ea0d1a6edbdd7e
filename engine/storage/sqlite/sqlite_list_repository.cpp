#include "engine/storage/sqlite/sqlite_list_repository.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {

std::optional<std::int64_t> SqliteListRepository::latest_version() {
    auto& q = st_.get("SELECT max(version) FROM lists");
    q.executeStep();
    return optional_int(q.getColumn(0));
}

namespace {
// The columns of a version, in the order list_version_of reads them.
constexpr char kVersionColumns[] = "SELECT version, imported_at, imported_by, source, count, sha256 FROM lists";

ports::ListVersion list_version_of(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getString()};
}
}  // namespace

std::optional<ports::ListVersion> SqliteListRepository::version(std::int64_t version) {
    auto& q = st_.get(std::string(kVersionColumns) + " WHERE version = ?");
    q.bind(1, version);
    if (!q.executeStep()) return std::nullopt;
    auto v = list_version_of(q);
    q.reset();
    return v;
}

void SqliteListRepository::add_version(ports::ListVersion const& v) {
    auto& q = st_.get("INSERT INTO lists(version, imported_at, imported_by, source, count, sha256) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, v.version);
    q.bind(2, v.imported_at);
    q.bind(3, v.imported_by);
    q.bind(4, v.source);
    q.bind(5, v.count);
    q.bind(6, v.sha256);
    q.exec();
}

std::vector<ports::ListVersion> SqliteListRepository::versions() {
    auto& q = st_.get(std::string(kVersionColumns) + " ORDER BY version DESC");
    std::vector<ports::ListVersion> out;
    while (q.executeStep()) out.push_back(list_version_of(q));
    return out;
}

// Entries are canonical JSON text (entry_json_text), so two entries are the same plant data
// exactly when their texts are equal. The credit codes of both versions are walked in order on
// the index enterprises_code, kCodesPerStep at a time (no sort of the whole list: the walk stops
// once the page is full), and each step compares the two versions' entries of its code range in
// one query; so a page costs the codes up to its last change, not the whole list.
std::vector<ports::ListChangeRow> SqliteListRepository::changes(std::int64_t from, std::int64_t to,
                                                                std::string const& after, int limit) {
    constexpr int kCodesPerStep = 1024;
    std::vector<ports::ListChangeRow> page;
    std::string low = after;
    for (;;) {
        auto& step = st_.get("SELECT max(credit_code), count(*) FROM (SELECT DISTINCT credit_code FROM enterprises "
                             "INDEXED BY enterprises_code WHERE credit_code > ? AND list_version IN (?, ?) "
                             "ORDER BY credit_code LIMIT ?)");
        step.bind(1, low);
        step.bind(2, from);
        step.bind(3, to);
        step.bind(4, kCodesPerStep);
        step.executeStep();
        if (step.getColumn(1).getInt64() == 0) break;
        std::string const high = step.getColumn(0).getString();
        bool const last_step = step.getColumn(1).getInt64() < kCodesPerStep;
        step.reset();
        // ?1 = from, ?2 = to, (?3, ?4] = the step's codes
        auto& q = st_.get(
            "SELECT a.credit_code, ba.body, bb.body FROM enterprises a"
            " JOIN enterprise_bodies ba ON ba.list_version = a.list_version AND ba.id = a.id"
            " LEFT JOIN enterprises b ON b.credit_code = a.credit_code AND b.list_version = ?2"
            " LEFT JOIN enterprise_bodies bb ON bb.list_version = b.list_version AND bb.id = b.id"
            " WHERE a.credit_code > ?3 AND a.credit_code <= ?4 AND a.list_version = ?1"
            " AND (bb.body IS NULL OR bb.body <> ba.body)"
            " UNION ALL"
            " SELECT b.credit_code, NULL, bb.body FROM enterprises b"
            " JOIN enterprise_bodies bb ON bb.list_version = b.list_version AND bb.id = b.id"
            " WHERE b.credit_code > ?3 AND b.credit_code <= ?4 AND b.list_version = ?2 AND NOT EXISTS"
            " (SELECT 1 FROM enterprises a WHERE a.credit_code = b.credit_code AND a.list_version = ?1)"
            " ORDER BY 1");
        q.bind(1, from);
        q.bind(2, to);
        q.bind(3, low);
        q.bind(4, high);
        while (static_cast<int>(page.size()) < limit && q.executeStep())
            page.push_back({q.getColumn(0).getString(), optional_text(q.getColumn(1)), optional_text(q.getColumn(2))});
        q.reset();
        if (static_cast<int>(page.size()) == limit || last_step) break;
        low = high;
    }
    return page;
}

ports::ListChangeCounts SqliteListRepository::change_counts(std::int64_t from, std::int64_t to) {
    auto& q = st_.get(
        "SELECT"
        " (SELECT count(*) FROM enterprises b WHERE b.list_version = ?2 AND NOT EXISTS"
        "  (SELECT 1 FROM enterprises a WHERE a.credit_code = b.credit_code AND a.list_version = ?1)),"
        " (SELECT count(*) FROM enterprises a WHERE a.list_version = ?1 AND NOT EXISTS"
        "  (SELECT 1 FROM enterprises b WHERE b.credit_code = a.credit_code AND b.list_version = ?2)),"
        " (SELECT count(*) FROM enterprises a"
        "  JOIN enterprise_bodies ba ON ba.list_version = a.list_version AND ba.id = a.id"
        "  JOIN enterprises b ON b.credit_code = a.credit_code AND b.list_version = ?2"
        "  JOIN enterprise_bodies bb ON bb.list_version = b.list_version AND bb.id = b.id"
        "  WHERE a.list_version = ?1 AND ba.body <> bb.body)");
    q.bind(1, from);
    q.bind(2, to);
    q.executeStep();
    ports::ListChangeCounts counts{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
    q.reset();
    return counts;
}

void SqliteListRepository::finish_version(std::int64_t version, std::int64_t count, std::string const& sha256) {
    auto& q = st_.get("UPDATE lists SET count = ?, sha256 = ? WHERE version = ?");
    q.bind(1, count);
    q.bind(2, sha256);
    q.bind(3, version);
    q.exec();
}

// The bulk inserts of an import bind what all rows share once, and the rows' text without a
// copy (bindNoCopy: the rows outlive the step; StatementCache::get clears the bindings before the
// statement is used again).
void SqliteListRepository::add_enterprises(std::int64_t version, std::span<ports::EnterpriseRow const> rows) {
    auto& ins = st_.get("INSERT INTO enterprises(list_version, id, credit_code, name, district, industry, grade) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    auto& body = st_.get("INSERT INTO enterprise_bodies(list_version, id, body) VALUES (?, ?, ?)");
    ins.bind(1, version);
    body.bind(1, version);
    for (auto const& e : rows) {
        ins.bind(2, e.id);
        ins.bindNoCopy(3, e.credit_code);
        ins.bindNoCopy(4, e.name);
        ins.bindNoCopy(5, e.district);
        ins.bindNoCopy(6, e.industry);
        ins.bindNoCopy(7, e.grade);
        ins.exec();
        ins.reset();
        body.bind(2, e.id);
        body.bindNoCopy(3, e.body);
        body.exec();
        body.reset();
    }
}

std::optional<std::string> SqliteListRepository::enterprise_entry(std::int64_t version,
                                                                  std::string const& credit_code) {
    auto& q = st_.get("SELECT b.body FROM enterprises e JOIN enterprise_bodies b ON b.list_version = "
                      "e.list_version AND b.id = e.id WHERE e.credit_code = ? AND e.list_version = ?");
    q.bind(1, credit_code);
    q.bind(2, version);
    if (!q.executeStep()) return std::nullopt;
    auto body = q.getColumn(0).getString();
    q.reset();
    return body;
}

std::vector<std::pair<std::string, std::int64_t>> SqliteListRepository::count_by(std::int64_t version,
                                                                                 ports::ListDimension dimension) {
    char const* column = dimension == ports::ListDimension::district ? "district"
                         : dimension == ports::ListDimension::grade  ? "grade"
                                                                     : "industry";
    auto& q = st_.get(std::string("SELECT ") + column +
                      ", count(*) FROM enterprises WHERE list_version = ? GROUP BY 1 ORDER BY 1");
    q.bind(1, version);
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (q.executeStep()) counts.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    return counts;
}

std::vector<ports::EnterpriseEntry> SqliteListRepository::entries(std::int64_t version, std::int64_t after,
                                                                  int limit) {
    auto& q = st_.get("SELECT id, body FROM enterprise_bodies WHERE list_version = ? AND id > ? ORDER BY id LIMIT ?");
    q.bind(1, version);
    q.bind(2, after);
    q.bind(3, limit);
    std::vector<ports::EnterpriseEntry> page;
    while (q.executeStep()) page.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    return page;
}

bool SqliteListRepository::has_levels(std::int64_t version, std::string const& plan_version) {
    auto& q = st_.get("SELECT 1 FROM enterprise_levels WHERE list_version = ? AND plan_version = ? LIMIT 1");
    q.bind(1, version);
    q.bind(2, plan_version);
    bool const found = q.executeStep();
    q.reset();
    return found;
}

void SqliteListRepository::add_levels(std::int64_t version, std::string const& plan_version,
                                      std::span<ports::EnterpriseLevel const> rows) {
    auto& ins = st_.get("INSERT INTO enterprise_levels(list_version, plan_version, level, enterprise_id, source, "
                        "so2, nox, pm, vocs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, version);
    ins.bindNoCopy(2, plan_version);
    for (auto const& r : rows) {
        ins.bindNoCopy(3, r.level);
        ins.bind(4, r.enterprise_id);
        ins.bindNoCopy(5, r.source);
        for (int i = 0; i < 4; ++i) ins.bind(6 + i, r.reductions[static_cast<std::size_t>(i)]);
        ins.exec();
        ins.reset();
    }
}

ports::LevelTotals SqliteListRepository::level_totals(std::int64_t version, std::string const& plan_version,
                                                      std::string const& level) {
    auto& q = st_.get("SELECT count(*), total(so2), total(nox), total(pm), total(vocs) FROM enterprise_levels "
                      "WHERE list_version = ? AND plan_version = ? AND level = ?");
    q.bind(1, version);
    q.bind(2, plan_version);
    q.bind(3, level);
    q.executeStep();
    ports::LevelTotals totals{q.getColumn(0).getInt64(), {}};
    for (int i = 0; i < 4; ++i) totals.reductions[static_cast<std::size_t>(i)] = q.getColumn(1 + i).getDouble();
    q.reset();
    return totals;
}

}  // namespace hazeguard::storage
