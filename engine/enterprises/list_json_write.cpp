// The canonical JSON form of a list, written as text directly: members in sorted order (nlohmann's
// object order), numbers and strings as nlohmann's dump() writes them, optional members only when
// they carry something. So the text is what dump() gives for it, parse_list_json reads it back to
// the same list, and to_json is that text parsed. Writing it without a parse tree is what lets a
// 100,000-plant list be written and fingerprinted in a fraction of a second.
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/detail/conversions/to_chars.hpp>

#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

class EntryWriter {
public:
    explicit EntryWriter(std::string& out) : out_(out) {}

    void enterprise(Enterprise const& e) {
        out_ += '{';
        if (e.baseline_kwh_per_day) number_member("baseline_kwh_per_day", *e.baseline_kwh_per_day);
        key("baseline_t_per_year");
        pollutants(e.baseline_t_per_year);
        key("contacts");
        array(e.contacts, [&](Contact const& c) { contact(c); });
        text_member("credit_code", e.credit_code);
        text_member("district", e.district);
        text_member("grade", e.grade);
        optional_text_member("guarantee", e.guarantee);
        text_member("industry", e.industry);
        key("lines");
        array(e.lines, [&](ProductionLine const& l) { line(l); });
        key("measures");
        array(e.measures, [&](LevelMeasure const& m) { measure(m); });
        text_member("name", e.name);
        key("operating_days");
        out_ += std::to_string(e.operating_days);
        optional_text_member("park", e.park);
        out_ += '}';
    }

private:
    void line(ProductionLine const& l) {
        out_ += '{';
        optional_pollutants_member("emission_share", l.emission_share);
        text_member("id", l.id);
        text_member("name", l.name);
        optional_text_member("process", l.process);
        out_ += '}';
    }

    void measure(LevelMeasure const& m) {
        out_ += '{';
        optional_text_member("action", m.action);
        text_member("level", m.level);
        if (!m.lines.empty()) {
            key("lines");
            array(m.lines, [&](std::string const& id) { string(id); });
        }
        if (m.parameter) number_member("parameter", *m.parameter);
        optional_pollutants_member("reductions_t_per_day", m.reductions_t_per_day);
        text_member("text", m.text);
        optional_text_member("transport", m.transport);
        out_ += '}';
    }

    void contact(Contact const& c) {
        out_ += '{';
        text_member("name", c.name);
        optional_text_member("phone", c.phone);
        optional_text_member("role", c.role);
        out_ += '}';
    }

    void pollutants(Pollutants const& values) {  // a std::map: already in nlohmann's key order
        out_ += '{';
        bool first = true;
        for (auto const& [name, value] : values) {
            if (!first) out_ += ',';
            first = false;
            string(name);
            out_ += ':';
            number(value);
        }
        out_ += '}';
    }

    template <class Items, class Write>
    void array(Items const& items, Write write) {
        out_ += '[';
        bool first = true;
        for (auto const& item : items) {
            if (!first) out_ += ',';
            first = false;
            write(item);
        }
        out_ += ']';
    }

    // Members are written in order; a comma goes before every one but an object's first.
    void key(std::string_view name) {
        if (out_.back() != '{') out_ += ',';
        string(name);
        out_ += ':';
    }
    void text_member(std::string_view name, std::string const& value) {
        key(name);
        string(value);
    }
    void optional_text_member(std::string_view name, std::string const& value) {
        if (!value.empty()) text_member(name, value);
    }
    void optional_pollutants_member(std::string_view name, Pollutants const& values) {
        if (values.empty()) return;
        key(name);
        pollutants(values);
    }
    void number_member(std::string_view name, double value) {
        key(name);
        number(value);
    }

    // nlohmann's dump_escaped for valid UTF-8 (every list string is: parsed JSON, checked CSV):
    // runs of plain bytes are copied whole.
    void string(std::string_view s) {
        out_ += '"';
        std::size_t plain = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            auto const c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.data() + plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default: {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                    out_ += escaped;
                }
            }
        }
        out_.append(s.data() + plain, s.size() - plain);
        out_ += '"';
    }

    // nlohmann's dump_float: the shortest text that reads back to the same double; "null" when
    // not finite.
    void number(double value) {
        if (!std::isfinite(value)) {
            out_ += "null";
            return;
        }
        char buffer[64];
        char* const end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
        out_.append(buffer, end);
    }

    std::string& out_;
};

}  // namespace

std::string entry_json_text(Enterprise const& e) {
    std::string out;
    out.reserve(1024);
    EntryWriter(out).enterprise(e);
    return out;
}

nlohmann::json to_json(Enterprise const& e) { return nlohmann::json::parse(entry_json_text(e)); }

nlohmann::json to_json(EnterpriseList const& list) {
    nlohmann::json items = nlohmann::json::array();
    for (auto const& e : list.enterprises) items.push_back(to_json(e));
    return {{"enterprises", std::move(items)}};
}

CanonicalListWriter::CanonicalListWriter(std::function<void(std::string_view)> out) : out_(std::move(out)) {
    out_("{\"enterprises\":[");
}

std::string const& CanonicalListWriter::add(Enterprise const& e) {
    entry_.clear();
    EntryWriter(entry_).enterprise(e);
    add_entry(entry_);
    return entry_;
}

void CanonicalListWriter::add_entry(std::string_view entry) {
    if (!first_) out_(",");
    first_ = false;
    out_(entry);
}

void CanonicalListWriter::finish() { out_("]}"); }

}  // namespace hazeguard::engine
