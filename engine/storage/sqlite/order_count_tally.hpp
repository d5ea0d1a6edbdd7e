#pragma once
/// @file order_count_tally.hpp
/// @brief A new batch's tallies (order_counts: orders per district × industry × grade × kind),
/// worked out while the batch is written: the plants come in enterprise id order, and the list's
/// enterprises are walked alongside them, so each plant costs a step of two cursors — no B-tree
/// search per order and no sort (a GROUP BY over a join read every order back and sorted them).

#include <cstdint>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace hazeguard::storage {

class OrderCountTally {
public:
    OrderCountTally(sqlite3* db, std::int64_t list_version);
    ~OrderCountTally();
    OrderCountTally(OrderCountTally const&) = delete;
    OrderCountTally& operator=(OrderCountTally const&) = delete;

    /// @brief Counts one order of `kind` for plant `enterprise_id`. Plants should come in
    /// ascending id order (each then costs a step); any order is counted right, a plant below the
    /// previous one or far beyond it costs a search. A plant not in the list counts nowhere (as the
    /// join it replaces).
    void add(std::int64_t enterprise_id, int kind);
    /// @brief Writes one order_counts row per district × industry × grade × kind counted.
    void write(std::int64_t batch);

private:
    struct Cell {
        std::string district, industry, grade;
        int kind = 0;
        std::int64_t total = 0;
    };
    bool reach(std::int64_t enterprise_id);
    void seek(std::int64_t enterprise_id);

    sqlite3* db_;
    std::int64_t list_version_;
    sqlite3_stmt* enterprises_ = nullptr;   ///< the list's enterprises from an id on, in id order
    bool row_ = false;                      ///< enterprises_ stands on a row
    std::int64_t id_ = 0;                   ///< that row's id
    std::string key_;
    std::unordered_map<std::string, Cell> cells_;
};

}  // namespace hazeguard::storage
