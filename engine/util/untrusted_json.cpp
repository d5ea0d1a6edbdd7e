#include "engine/util/untrusted_json.hpp"

namespace hazeguard::engine {
namespace detail {

std::optional<std::size_t> too_deep_at(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

JsonInputError too_deep(int max_depth, std::size_t at) {
    return JsonInputError("arrays and objects are nested more than " + std::to_string(max_depth) + " deep", at);
}

JsonInputError input_error(nlohmann::json::exception const& e) {
    if (auto const* parse = dynamic_cast<nlohmann::json::parse_error const*>(&e)) {
        // e.what() quotes the bytes last read, which may be invalid UTF-8: never pass it on.
        bool const bad_utf8 = std::string_view(parse->what()).find("UTF-8") != std::string_view::npos;
        return JsonInputError(bad_utf8 ? "invalid UTF-8 in a string" : "not valid JSON", parse->byte);
    }
    if (dynamic_cast<nlohmann::json::out_of_range const*>(&e))
        return JsonInputError("a number is outside the range of a double", std::nullopt);
    return JsonInputError("not valid JSON", std::nullopt);
}

}  // namespace detail

nlohmann::json parse_untrusted_json(std::string_view text, int max_depth) {
    if (auto const at = detail::too_deep_at(text, max_depth))
        throw detail::too_deep(max_depth, *at);
    try {
        return nlohmann::json::parse(text);
    } catch (nlohmann::json::exception const& e) {
        throw detail::input_error(e);
    }
}

std::string dump_for_client(nlohmann::json const& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hazeguard::engine
