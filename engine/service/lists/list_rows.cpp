#include "engine/service/lists/list_rows.hpp"

#include <string_view>
#include <utility>

#include "engine/service/lists/level_reductions.hpp"

namespace hazeguard::service {

ListRows::ListRows(plans::Plan const& plan)
    : plan_(plan), writer_([this](std::string_view piece) { digest_.update(piece); }) {}

void ListRows::add(engine::Enterprise&& e) {
    if (auto w = engine::enterprise_warning(e, static_cast<std::size_t>(count_), plan_)) warnings_.push_back(std::move(*w));
    auto const id = ++count_;
    for (auto& level : level_reductions(plan_, id, e)) levels_.push_back(std::move(level));
    std::string body = writer_.add(e);
    rows_.push_back({id, std::move(e.credit_code), std::move(e.name), std::move(e.district), std::move(e.industry),
                     std::move(e.grade), std::move(body)});
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
