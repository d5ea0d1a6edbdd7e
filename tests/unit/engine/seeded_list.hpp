#pragma once
/// @file seeded_list.hpp
/// @brief A list of 600 plants written straight into a database, for the storage tests of the
/// fan-out and of the report's walk over the orders.

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace hazeguard::storage {

inline std::vector<std::string> const kSeededDistricts = {"小店区", "迎泽区", "清徐县"};
inline std::vector<std::string> const kSeededIndustries = {"焦化", "钢铁", "水泥", "玻璃"};
inline std::vector<std::string> const kSeededGrades = {"A", "B", "C"};

// A list of 600 plants with ids 2, 4, …, 1200 (gaps) across 3 × 4 × 3 cells; every plant has an
// orange row, one in 40 a red row (a sparse level: the tally searches instead of stepping).
inline void seed_list(SQLite::Database& db) {
    db.exec("INSERT INTO lists(version, imported_at, imported_by, source, count, sha256) VALUES (1, 0, 't', 't', 600, 'x')");
    SQLite::Statement e(db, "INSERT INTO enterprises(list_version, id, credit_code, name, district, industry, grade) "
                            "VALUES (1, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement l(db, "INSERT INTO enterprise_levels(list_version, plan_version, level, enterprise_id, source, "
                            "so2, nox, pm, vocs) VALUES (1, 'p', ?, ?, 'enterprise', ?, ?, ?, ?)");
    for (int i = 1; i <= 600; ++i) {
        int const id = 2 * i;
        e.bind(1, id);
        e.bind(2, "code" + std::to_string(id));
        e.bind(3, "企业" + std::to_string(id));
        e.bind(4, kSeededDistricts[static_cast<std::size_t>(i % 3)]);
        e.bind(5, kSeededIndustries[static_cast<std::size_t>(i / 3 % 4)]);
        e.bind(6, kSeededGrades[static_cast<std::size_t>(i / 12 % 3)]);
        e.exec();
        e.reset();
        for (std::string const level : {"orange", "red"}) {
            if (level == "red" && i % 40 != 7) continue;
            l.bind(1, level);
            l.bind(2, id);
            for (int k = 0; k < 4; ++k) l.bind(3 + k, 0.1 * (i % 17) + 0.01 * k + (level == "red" ? 1 : 0));
            l.exec();
            l.reset();
        }
    }
}

}  // namespace hazeguard::storage
