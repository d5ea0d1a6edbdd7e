#pragma once
/// @file sqlite_document_repository.hpp
/// @brief The document port over SQLite (table documents, migration 0012).

#include "engine/ports/document_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteDocumentRepository final : public ports::DocumentRepository {
public:
    explicit SqliteDocumentRepository(StatementCache& statements) : st_(statements) {}
    int next_serial(std::string const& series, std::string const& period) override;
    std::int64_t add(ports::DocumentRecord const& document) override;
    std::optional<ports::DocumentRecord> find_by_ref(std::string const& ref) override;
    std::optional<ports::DocumentRecord> latest(std::string const& series) override;

private:
    std::optional<ports::DocumentRecord> one(SQLite::Statement& q);
    StatementCache& st_;
};

}  // namespace hazeguard::storage
