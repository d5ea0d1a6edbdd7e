#pragma once
/// @file list_rows.hpp
/// @brief What an import stores for each plant: its dimensions and canonical entry, its per-level
/// rows under the running plan (plant_rows, on whichever thread reads the list), gathered in list
/// order with the digest of the whole canonical list (ListRows; to_json(list).dump(), never held
/// whole).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/enterprises/list_import.hpp"
#include "engine/ports/list_repository.hpp"
#include "engine/util/sha256.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

/// @brief One plant's rows to store.
struct PlantRows {
    ports::EnterpriseRow row;
    std::vector<ports::EnterpriseLevel> levels;
    std::optional<engine::ListProblem> warning;  ///< engine::enterprise_warning
};

/// @brief Plant `index` of its list (id index + 1) as the rows to store; its dimensions are moved
/// into its row.
PlantRows plant_rows(plans::Plan const& plan, std::size_t index, engine::Enterprise&& e);

class ListRows {
public:
    /// @param plan must outlive the builder.
    explicit ListRows(plans::Plan const& plan);
    ListRows(ListRows const&) = delete;
    ListRows& operator=(ListRows const&) = delete;

    /// @brief The next plant: its rows are appended to rows() and levels() (ids 1, 2, ...); its
    /// dimensions are moved into its row.
    void add(engine::Enterprise&& e);
    /// @brief The next plant, its rows built already (plant_rows of the count() so far).
    void add(PlantRows&& plant);
    std::vector<ports::EnterpriseRow> const& rows() const { return rows_; }
    std::vector<ports::EnterpriseLevel> const& levels() const { return levels_; }
    /// @brief Forgets the rows built so far (once stored); ids and the digest go on.
    void clear();
    /// @brief The rows built so far, handed over (the builder's are then empty).
    std::vector<ports::EnterpriseRow> take_rows() { return std::move(rows_); }
    std::vector<ports::EnterpriseLevel> take_levels() { return std::move(levels_); }
    /// @brief Plants added in all.
    std::int64_t count() const { return count_; }
    /// @brief What the plants added so far may still get wrong (engine::enterprise_warning).
    std::vector<engine::ListProblem> const& warnings() const { return warnings_; }
    /// @brief The digest of the canonical list; no add after it.
    std::string finish();

private:
    plans::Plan const& plan_;
    engine::Sha256 digest_;
    engine::CanonicalListWriter writer_;
    std::vector<ports::EnterpriseRow> rows_;
    std::vector<ports::EnterpriseLevel> levels_;
    std::int64_t count_ = 0;
    std::vector<engine::ListProblem> warnings_;
};

}  // namespace hazeguard::service
