// The JSON form of a list (docs/list-format.md §"JSON"): the document's own members. They are
// small and kept as a parse tree until the document ends (list_json_stream.cpp); the enterprises
// are read from the parser's events (enterprise_event_reader.cpp). Shape problems are found here;
// everything else is validate_list's job, so a built list and a parsed one obey one rule set.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using detail::child;
using nlohmann::json;

class HeaderReader {
public:
    explicit HeaderReader(std::vector<ListProblem>& problems) : problems_(problems) {}

    // `streamed`: the enterprises array was read element by element already (it is then not in
    // `root`) and had that many elements.
    void read(json const& root, std::optional<std::size_t> streamed, std::string& city) {
        if (!root.is_object()) {
            report("", "a list document must be a JSON object, got " + std::string(detail::json_kind_name(root.type())));
            return;
        }
        unknown_members(root, "", {"list", "enterprises"});
        if (auto const* header = member(root, "list"); header && expect(*header, "/list", json::value_t::object)) {
            unknown_members(*header, "/list", {"city", "note"});
            text(*header, "/list", "city", city);
            std::string note;
            text(*header, "/list", "note", note);
        }
        if (streamed) {
            if (*streamed == 0) report("/enterprises", "the list has no enterprises");
            return;
        }
        auto const* items = member(root, "enterprises");
        if (items == nullptr) {
            report("/enterprises", "missing required member \"enterprises\"");
        } else if (expect(*items, "/enterprises", json::value_t::array) && items->empty()) {
            report("/enterprises", "the list has no enterprises");
        }
    }

private:
    void report(std::string pointer, std::string message) { problems_.push_back({0, std::move(pointer), std::move(message)}); }

    static json const* member(json const& object, std::string_view key) {
        auto const it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    bool expect(json const& v, std::string const& pointer, json::value_t type) {
        if (v.type() == type) return true;
        report(pointer, detail::expected_type(type == json::value_t::object  ? "an object"
                                              : type == json::value_t::array ? "an array"
                                                                             : "a string",
                                              v.type()));
        return false;
    }

    void unknown_members(json const& object, std::string const& pointer, std::initializer_list<std::string_view> allowed) {
        for (auto const& [key, value] : object.items()) {
            if (key == "$comment") continue;
            bool known = false;
            for (auto const a : allowed) known = known || key == a;
            if (!known) report(child(pointer, key), "unknown member " + detail::in_quotes(key));
        }
    }

    void text(json const& object, std::string const& pointer, std::string_view key, std::string& out) {
        if (auto const* v = member(object, key); v && expect(*v, child(pointer, key), json::value_t::string))
            out = v->get_ref<std::string const&>();
    }

    std::vector<ListProblem>& problems_;
};

}  // namespace

namespace detail {

void read_list_header(json const& root, std::optional<std::size_t> streamed, std::vector<ListProblem>& problems,
                      std::string& city) {
    HeaderReader(problems).read(root, streamed, city);
}

}  // namespace detail

}  // namespace hazeguard::engine
