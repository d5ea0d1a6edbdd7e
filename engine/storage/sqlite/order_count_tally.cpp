#include "engine/storage/sqlite/order_count_tally.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace hazeguard::storage {

namespace {
// Past this many enterprises between two plants, a search is cheaper than stepping (a sparse level).
constexpr int kStepsBeforeSeek = 32;

void check_tally(sqlite3* db, int rc) {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
}

std::string_view text_of(sqlite3_stmt* q, int i) {
    auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(q, i));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(q, i))) : std::string_view();
}
}  // namespace

OrderCountTally::OrderCountTally(sqlite3* db, std::int64_t list_version) : db_(db), list_version_(list_version) {
    check_tally(db_, sqlite3_prepare_v2(db_, "SELECT id, district, industry, grade FROM enterprises WHERE list_version = ? "
                                        "AND id >= ? ORDER BY id", -1, &enterprises_, nullptr));
}

OrderCountTally::~OrderCountTally() { sqlite3_finalize(enterprises_); }

void OrderCountTally::seek(std::int64_t enterprise_id) {
    sqlite3_reset(enterprises_);
    sqlite3_bind_int64(enterprises_, 1, list_version_);
    sqlite3_bind_int64(enterprises_, 2, enterprise_id);
    int const rc = sqlite3_step(enterprises_);
    check_tally(db_, rc);
    row_ = rc == SQLITE_ROW;
    if (row_) id_ = sqlite3_column_int64(enterprises_, 0);
}

bool OrderCountTally::reach(std::int64_t enterprise_id) {
    if (!row_ || enterprise_id < id_) {
        seek(enterprise_id);
    } else {
        for (int steps = 0; row_ && id_ < enterprise_id; ++steps) {
            if (steps == kStepsBeforeSeek) {
                seek(enterprise_id);
                break;
            }
            int const rc = sqlite3_step(enterprises_);
            check_tally(db_, rc);
            row_ = rc == SQLITE_ROW;
            if (row_) id_ = sqlite3_column_int64(enterprises_, 0);
        }
    }
    return row_ && id_ == enterprise_id;
}

void OrderCountTally::add(std::int64_t enterprise_id, int kind) {
    if (!reach(enterprise_id)) return;
    auto const district = text_of(enterprises_, 1), industry = text_of(enterprises_, 2), grade = text_of(enterprises_, 3);
    key_.clear();
    for (auto const part : {district, industry, grade}) {   // each part after its length: no two keys alike
        auto const n = static_cast<std::uint32_t>(part.size());
        key_.append(reinterpret_cast<char const*>(&n), sizeof n).append(part);
    }
    key_.push_back(static_cast<char>(kind));
    auto it = cells_.find(key_);
    if (it == cells_.end())
        it = cells_.emplace(key_, Cell{std::string(district), std::string(industry), std::string(grade), kind, 0}).first;
    ++it->second.total;
}

void OrderCountTally::write(std::int64_t batch) {
    sqlite3_reset(enterprises_);   // releases the read of the list before the writes
    std::vector<Cell const*> cells;
    cells.reserve(cells_.size());
    for (auto const& [key, cell] : cells_) cells.push_back(&cell);
    std::sort(cells.begin(), cells.end(), [](Cell const* a, Cell const* b) {
        return std::tie(a->district, a->industry, a->grade, a->kind) < std::tie(b->district, b->industry, b->grade, b->kind);
    });
    sqlite3_stmt* ins = nullptr;
    check_tally(db_, sqlite3_prepare_v2(db_, "INSERT INTO order_counts(batch_id, district, industry, grade, kind, total, "
                                        "acknowledged, executed, acknowledged_late) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0)",
                                   -1, &ins, nullptr));
    try {
        for (auto const* c : cells) {
            sqlite3_bind_int64(ins, 1, batch);
            sqlite3_bind_text(ins, 2, c->district.data(), static_cast<int>(c->district.size()), SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, c->industry.data(), static_cast<int>(c->industry.size()), SQLITE_STATIC);
            sqlite3_bind_text(ins, 4, c->grade.data(), static_cast<int>(c->grade.size()), SQLITE_STATIC);
            sqlite3_bind_int(ins, 5, c->kind);
            sqlite3_bind_int64(ins, 6, c->total);
            check_tally(db_, sqlite3_step(ins));
            sqlite3_reset(ins);
        }
    } catch (...) {
        sqlite3_finalize(ins);
        throw;
    }
    sqlite3_finalize(ins);
}

}  // namespace hazeguard::storage
