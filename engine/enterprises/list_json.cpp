// The JSON form of a list (docs/list-format.md §"JSON") read into the model: the document's own
// members and one enterprise at a time (list_json_stream.cpp hands them over as they are parsed).
// Shape problems are found here; everything else is validate_list's job, so a built list and a
// parsed one obey one rule set.
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using detail::child;
using nlohmann::json;

std::string_view type_name(json const& v) {
    switch (v.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
            return "an integer";
        case json::value_t::number_float:
            return "a number";
        case json::value_t::string:
            return "a string";
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        default:
            return "an unsupported value";
    }
}

// Reads members into the model; a member that is absent or null keeps the model's default.
class DocumentReader {
public:
    explicit DocumentReader(std::vector<ListProblem>& problems) : problems_(problems) {}

    // The document's own members. `streamed`: the enterprises array was read element by element
    // already (it is then not in `root`) and had that many elements.
    void header(json const& root, std::optional<std::size_t> streamed, std::string& city) {
        if (!root.is_object()) {
            report("",
                   std::string("a list document must be a JSON object, got ") + std::string(type_name(root)));
            return;
        }
        unknown_members(root, "", {"list", "enterprises"});
        if (auto const* header = member(root, "list");
            header && expect(*header, "/list", json::value_t::object)) {
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

    // Enterprise `index` of the document.
    Enterprise enterprise(json const& v, std::size_t index) {
        row_ = static_cast<int>(index) + 1;
        return enterprise(v, detail::enterprise_pointer(index));
    }

private:
    void report(std::string pointer, std::string message) {
        problems_.push_back({row_, std::move(pointer), std::move(message)});
    }

    static json const* member(json const& object, std::string_view key) {
        auto const it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    // Number kinds are one kind here: an integer is a fine number.
    static bool is(json const& v, json::value_t type) {
        return v.type() == type || (type == json::value_t::number_float && v.is_number());
    }
    // The value at member `key` of `pointer`: the pointer is built only for a problem.
    bool expect(json const& v, std::string const& pointer, std::string_view key, json::value_t type) {
        return is(v, type) || expect(v, child(pointer, key), type);
    }
    bool expect(json const& v, std::string const& pointer, json::value_t type) {
        bool const ok = is(v, type);
        if (!ok) {
            std::string_view const wanted = type == json::value_t::object   ? "an object"
                                            : type == json::value_t::array  ? "an array"
                                            : type == json::value_t::string ? "a string"
                                                                            : "a number";
            report(pointer, "expected " + std::string(wanted) + ", got " + std::string(type_name(v)));
        }
        return ok;
    }

    void unknown_members(json const& object, std::string const& pointer,
                         std::initializer_list<std::string_view> allowed) {
        for (auto const& [key, value] : object.items()) {
            if (key == "$comment") continue;
            bool known = false;
            for (auto const a : allowed) known = known || key == a;
            if (!known) report(child(pointer, key), "unknown member " + detail::in_quotes(key));
        }
    }

    void text(json const& object, std::string const& pointer, std::string_view key, std::string& out) {
        auto const* v = member(object, key);
        if (v && expect(*v, pointer, key, json::value_t::string)) out = v->get_ref<std::string const&>();
    }

    void pollutants(json const& object, std::string const& pointer, std::string_view key, Pollutants& out) {
        auto const* v = member(object, key);
        if (!v || !expect(*v, pointer, key, json::value_t::object)) return;
        auto const at = child(pointer, key);
        for (auto const& [name, value] : v->items())
            if (expect(value, at, name, json::value_t::number_float)) out[name] = value.get<double>();
    }

    // Calls f(element, pointer) for each object element of array member `key`.
    template <class F>
    void objects(json const& object, std::string const& pointer, std::string_view key, F&& f) {
        auto const* v = member(object, key);
        auto const at = child(pointer, key);
        if (!v || !expect(*v, at, json::value_t::array)) return;
        for (std::size_t k = 0; k < v->size(); ++k)
            if (auto const element = child(at, k); expect((*v)[k], element, json::value_t::object)) f((*v)[k], element);
    }

    Enterprise enterprise(json const& v, std::string const& at) {
        Enterprise e;
        if (!expect(v, at, json::value_t::object)) return e;
        unknown_members(v, at,
                        {"credit_code", "name", "district", "park", "industry", "grade", "guarantee",
                         "operating_days", "baseline_kwh_per_day", "lines", "baseline_t_per_year", "measures",
                         "contacts"});
        text(v, at, "credit_code", e.credit_code);
        text(v, at, "name", e.name);
        text(v, at, "district", e.district);
        text(v, at, "park", e.park);
        text(v, at, "industry", e.industry);
        text(v, at, "grade", e.grade);
        text(v, at, "guarantee", e.guarantee);
        operating_days(v, at, e);
        if (auto const* kwh = member(v, "baseline_kwh_per_day");
            kwh && expect(*kwh, at, "baseline_kwh_per_day", json::value_t::number_float))
            e.baseline_kwh_per_day = kwh->get<double>();
        objects(v, at, "lines", [&](json const& o, std::string const& p) { e.lines.push_back(line(o, p)); });
        pollutants(v, at, "baseline_t_per_year", e.baseline_t_per_year);
        objects(v, at, "measures",
                [&](json const& o, std::string const& p) { e.measures.push_back(measure(o, p)); });
        objects(v, at, "contacts", [&](json const& o, std::string const& p) {
            unknown_members(o, p, {"role", "name", "phone"});
            Contact c;
            text(o, p, "role", c.role);
            text(o, p, "name", c.name);
            text(o, p, "phone", c.phone);
            e.contacts.push_back(std::move(c));
        });
        return e;
    }

    void operating_days(json const& v, std::string const& at, Enterprise& e) {
        auto const* days = member(v, "operating_days");
        if (!days) return;
        if (!days->is_number_integer()) {
            report(child(at, "operating_days"), "expected an integer, got " + std::string(type_name(*days)));
        } else if (days->is_number_unsigned() ? days->get<std::uint64_t>() > INT_MAX
                                              : days->get<std::int64_t>() < INT_MIN) {
            report(child(at, "operating_days"), "operating days must be 1..366");
        } else {
            e.operating_days = static_cast<int>(days->get<std::int64_t>());
        }
    }

    ProductionLine line(json const& o, std::string const& p) {
        unknown_members(o, p, {"id", "name", "process", "emission_share"});
        ProductionLine l;
        text(o, p, "id", l.id);
        text(o, p, "name", l.name);
        text(o, p, "process", l.process);
        pollutants(o, p, "emission_share", l.emission_share);
        return l;
    }

    LevelMeasure measure(json const& o, std::string const& p) {
        unknown_members(
            o, p, {"level", "text", "lines", "action", "parameter", "reductions_t_per_day", "transport"});
        LevelMeasure m;
        text(o, p, "level", m.level);
        text(o, p, "text", m.text);
        text(o, p, "action", m.action);
        text(o, p, "transport", m.transport);
        if (auto const* param = member(o, "parameter")) {
            if (expect(*param, p, "parameter", json::value_t::number_float))
                m.parameter = param->get<double>();
        }
        pollutants(o, p, "reductions_t_per_day", m.reductions_t_per_day);
        if (auto const* ids = member(o, "lines");
            ids && expect(*ids, p, "lines", json::value_t::array)) {
            for (std::size_t j = 0; j < ids->size(); ++j)
                if (is((*ids)[j], json::value_t::string) ||
                    expect((*ids)[j], child(child(p, "lines"), j), json::value_t::string))
                    m.lines.push_back((*ids)[j].get<std::string>());
        }
        return m;
    }

    std::vector<ListProblem>& problems_;
    int row_ = 0;
};

}  // namespace

namespace detail {

void read_list_header(json const& root, std::optional<std::size_t> streamed, std::vector<ListProblem>& problems,
                      std::string& city) {
    DocumentReader(problems).header(root, streamed, city);
}

Enterprise read_enterprise(json const& value, std::size_t index, std::vector<ListProblem>& problems) {
    return DocumentReader(problems).enterprise(value, index);
}

EnterpriseList read_list_document(json const& root, std::vector<ListProblem>& problems, std::string& city) {
    EnterpriseList list;
    read_list_header(root, std::nullopt, problems, city);
    if (auto const it = root.find("enterprises"); root.is_object() && it != root.end() && it->is_array())
        for (std::size_t i = 0; i < it->size(); ++i) list.enterprises.push_back(read_enterprise((*it)[i], i, problems));
    return list;
}

}  // namespace detail

}  // namespace hazeguard::engine
