#include "engine/storage/sqlite/sqlite_document_repository.hpp"

namespace hazeguard::storage {

namespace {
constexpr char kDocumentColumns[] = "id, series, period, serial, ref, number_cn, issued_at, body";
}

int SqliteDocumentRepository::next_serial(std::string const& series, std::string const& period) {
    auto& q = st_.get("SELECT COALESCE(MAX(serial), 0) + 1 FROM documents WHERE series = ? AND period = ?");
    q.bind(1, series);
    q.bind(2, period);
    q.executeStep();
    int const next = q.getColumn(0).getInt();
    q.reset();
    return next;
}

std::int64_t SqliteDocumentRepository::add(ports::DocumentRecord const& d) {
    auto& q = st_.get("INSERT INTO documents(series, period, serial, ref, number_cn, issued_at, body) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, d.series);
    q.bind(2, d.period);
    q.bind(3, d.serial);
    q.bind(4, d.ref);
    q.bind(5, d.number_cn);
    q.bind(6, d.issued_at);
    q.bind(7, d.body);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<ports::DocumentRecord> SqliteDocumentRepository::one(SQLite::Statement& q) {
    if (!q.executeStep()) return std::nullopt;
    ports::DocumentRecord d{q.getColumn(0).getInt64(),  q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getInt(),    q.getColumn(4).getString(), q.getColumn(5).getString(),
                            q.getColumn(6).getInt64(),  q.getColumn(7).getString()};
    q.reset();
    return d;
}

std::optional<ports::DocumentRecord> SqliteDocumentRepository::find_by_ref(std::string const& ref) {
    auto& q = st_.get(std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE ref = ?");
    q.bind(1, ref);
    return one(q);
}

std::optional<ports::DocumentRecord> SqliteDocumentRepository::latest(std::string const& series) {
    auto& q = st_.get(std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE series = ? ORDER BY id DESC LIMIT 1");
    q.bind(1, series);
    return one(q);
}

}  // namespace hazeguard::storage
