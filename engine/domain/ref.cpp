#include "engine/domain/ref.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace hazeguard::engine {
namespace {
constexpr std::array<std::pair<Ref::Kind, std::string_view>, 6> kPrefixes{{
    {Ref::Kind::forecast, "forecast:"},
    {Ref::Kind::proposal, "proposal:"},
    {Ref::Kind::directive, "directive:"},
    {Ref::Kind::batch, "batch:"},
    {Ref::Kind::episode, "episode:"},
    {Ref::Kind::order, "order:"},
}};
constexpr std::string_view kWarning = "warning";
}  // namespace

std::string to_string(Ref const& ref) {
    for (auto const& [kind, prefix] : kPrefixes)
        if (kind == ref.kind) return std::string(prefix) + std::to_string(ref.id);
    return std::string(kWarning);
}

std::optional<Ref> parse_ref(std::string_view text) {
    if (text == kWarning) return Ref::warning();
    for (auto const& [kind, prefix] : kPrefixes) {
        if (!text.starts_with(prefix)) continue;
        auto const digits = text.substr(prefix.size());
        std::int64_t id = 0;
        auto const [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (digits.empty() || digits.front() == '-' || ec != std::errc{} || end != digits.data() + digits.size() ||
            id <= 0)
            return std::nullopt;
        return Ref{kind, id};
    }
    return std::nullopt;
}

}  // namespace hazeguard::engine
