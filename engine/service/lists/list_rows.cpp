#include "engine/service/lists/list_rows.hpp"

#include <string_view>
#include <utility>

#include "engine/service/lists/level_reductions.hpp"

namespace hazeguard::service {

PlantRows plant_rows(plans::Plan const& plan, std::size_t index, engine::Enterprise&& e) {
    PlantRows plant;
    plant.warning = engine::enterprise_warning(e, index, plan);
    auto const id = static_cast<std::int64_t>(index) + 1;
    plant.levels = level_reductions(plan, id, e);
    std::string body = engine::entry_json_text(e);  // before the dimensions are moved out
    plant.row = {id, std::move(e.credit_code), std::move(e.name), std::move(e.district), std::move(e.industry),
                 std::move(e.grade), std::move(body)};
    return plant;
}

ListRows::ListRows(plans::Plan const& plan)
    : plan_(plan), writer_([this](std::string_view piece) { digest_.update(piece); }) {}

void ListRows::add(engine::Enterprise&& e) { add(plant_rows(plan_, static_cast<std::size_t>(count_), std::move(e))); }

void ListRows::add(PlantRows&& plant) {
    ++count_;
    if (plant.warning) warnings_.push_back(std::move(*plant.warning));
    for (auto& level : plant.levels) levels_.push_back(std::move(level));
    writer_.add_entry(plant.row.body);
    rows_.push_back(std::move(plant.row));
}

void ListRows::clear() {
    rows_.clear();
    levels_.clear();
}

std::string ListRows::finish() {
    writer_.finish();
    return digest_.hex();
}

}  // namespace hazeguard::service
