// read_list_json: the JSON form of a list as a stream of SAX events (json_event_scanner.cpp). The enterprises array is read
// one element at a time, from its events straight into the model (enterprise_event_reader.cpp),
// checked (list_validation.cpp) and handed on before the next is parsed. Every other member of the
// document is small and kept as a tree until the end, where the document's own problems are found
// (list_json.cpp).
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/enterprise_event_reader.hpp"
#include "engine/enterprises/detail/json_event_scanner.hpp"
#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<json>;

class ListSax final : public nlohmann::json_sax<json> {
public:
    // `plan` null: the shape only (no rules, no duplicates, no city).
    ListSax(plans::Plan const* plan, ListVisitor const& visitor, JsonSource const& source)
        : plan_(plan), visitor_(visitor), source_(source) {}

    bool null() override {
        return in_element(true) ? element(reader_.scalar({})) : event(0, json::value_t::null, [](DomBuilder& d) { return d.null(); });
    }
    bool boolean(bool v) override {
        if (in_element(true)) return element(reader_.scalar({.kind = json::value_t::boolean, .boolean = v}));
        return event(0, json::value_t::boolean, [&](DomBuilder& d) { return d.boolean(v); });
    }
    bool number_integer(number_integer_t v) override {
        if (in_element(true)) return element(reader_.scalar({.kind = json::value_t::number_integer, .integer = v}));
        return event(0, json::value_t::number_integer, [&](DomBuilder& d) { return d.number_integer(v); });
    }
    bool number_unsigned(number_unsigned_t v) override {
        if (in_element(true))
            return element(reader_.scalar({.kind = json::value_t::number_unsigned, .unsigned_integer = v}));
        return event(0, json::value_t::number_unsigned, [&](DomBuilder& d) { return d.number_unsigned(v); });
    }
    bool number_float(number_float_t v, string_t const& s) override {
        if (in_element(true)) return element(reader_.scalar({.kind = json::value_t::number_float, .number = v}));
        return event(0, json::value_t::number_float, [&](DomBuilder& d) { return d.number_float(v, s); });
    }
    bool string(string_t& v) override {
        if (in_element(true)) return element(reader_.scalar({.kind = json::value_t::string, .text = &v}));
        return event(0, json::value_t::string, [&](DomBuilder& d) { return d.string(v); });
    }
    bool binary(binary_t& v) override {  // not in JSON text
        return event(0, json::value_t::binary, [&](DomBuilder& d) { return d.binary(v); });
    }
    bool start_object(std::size_t n) override {
        if (in_element(true)) return element(reader_.start(json::value_t::object));
        return event(1, json::value_t::object, [&](DomBuilder& d) { return d.start_object(n); });
    }
    bool end_object() override {
        if (in_element(false)) return element(reader_.end());
        return event(-1, json::value_t::object, [](DomBuilder& d) { return d.end_object(); });
    }
    bool start_array(std::size_t n) override {
        if (in_element(true)) return element(reader_.start(json::value_t::array));
        return event(1, json::value_t::array, [&](DomBuilder& d) { return d.start_array(n); });
    }
    bool end_array() override {
        if (in_element(false)) return element(reader_.end());
        return event(-1, json::value_t::array, [](DomBuilder& d) { return d.end_array(); });
    }
    bool key(string_t& k) override {
        if (at_ == At::element) {
            reader_.key(k);
            return true;
        }
        if (at_ == At::root) {
            key_ = k;
            if (k == "enterprises") ++enterprises_members_;
            return true;
        }
        return at_ == At::ignored || dom_->key(k);
    }
    bool parse_error(std::size_t, std::string const&, nlohmann::detail::exception const&) override { return false; }

    // The problems of the whole document, once it was parsed to its end.
    ListReadResult finish() {
        ListReadResult result;
        result.count = count_;
        std::vector<ListProblem> header;
        std::string city;
        detail::read_list_header(at_ == At::ignored ? root_kind_ : members_, streamed_, header, city);
        if (enterprises_members_ > 1) header.push_back({0, "/enterprises", "member \"enterprises\" is given more than once"});
        if (plan_ && !city.empty() && !plan_->city_cn.empty() && city != plan_->city_cn)
            header.push_back({0, "/list/city",
                              "the list is for " + detail::in_quotes(city) + " but the plan is for " +
                                  detail::in_quotes(plan_->city_cn)});
        result.problems = std::move(header);
        result.problems.insert(result.problems.end(), std::make_move_iterator(problems_.begin()),
                               std::make_move_iterator(problems_.end()));
        duplicates_.report(result.problems);
        std::stable_sort(result.problems.begin(), result.problems.end(),
                         [](ListProblem const& a, ListProblem const& b) { return a.row < b.row; });
        return result;
    }

private:
    // Where the next event belongs: before the document, in its object (a key or a value follows),
    // inside a member's value, in the enterprises array, inside one enterprise; or nowhere (the
    // document is not an object: only its kind matters).
    enum class At { start, root, member, enterprises, element, ignored };

    // True when the event belongs to an enterprise: one is being read, or (`starts_value`) the
    // enterprises array's next element begins with it.
    bool in_element(bool starts_value) {
        if (at_ == At::enterprises && starts_value) {
            reader_.begin(count_);
            at_ = At::element;
        }
        return at_ == At::element;
    }
    // After an enterprise's event: `complete`, the event ended it.
    bool element(bool complete) {
        if (complete) {
            enterprise();
            at_ = At::enterprises;
        }
        return true;
    }

    // Events outside the enterprises. `nesting`: +1 opens an object or array, -1 closes one, 0 for a scalar.
    template <class Feed>
    bool event(int nesting, json::value_t kind, Feed feed) {
        switch (at_) {
            case At::start:
                if (kind == json::value_t::object) {
                    at_ = At::root;
                } else {
                    root_kind_ = json(kind);
                    at_ = At::ignored;
                }
                return true;
            case At::ignored:
                return true;
            case At::root:
                if (nesting < 0) return true;  // the end of the document
                if (key_ == "enterprises" && enterprises_members_ == 1 && kind == json::value_t::array) {
                    at_ = At::enterprises;
                    streamed_ = 0;
                    return true;
                }
                begin_value();
                break;
            case At::enterprises:  // its end: its elements are in_element's
                at_ = At::root;
                return true;
            case At::member:
            case At::element:
                break;
        }
        bool const ok = feed(*dom_);
        depth_ += nesting;
        if (depth_ == 0) end_value();
        return ok;
    }

    void begin_value() {
        at_ = At::member;
        value_ = json();
        dom_.emplace(value_);
        depth_ = 0;
    }

    void end_value() {
        dom_.reset();
        // A repeated "enterprises" after the streamed one is reported, not read.
        if (!(key_ == "enterprises" && streamed_)) members_[key_] = std::move(value_);
        at_ = At::root;
    }

    void enterprise() {
        std::size_t const index = count_++;
        int const row = static_cast<int>(index) + 1;
        ++*streamed_;
        found_.clear();
        Enterprise e = reader_.take(found_);
        if (plan_) {
            checked_.clear();
            detail::check_enterprise(e, index, row, *plan_, checked_);
            if (!checked_.empty()) detail::merge_problems(found_, std::move(checked_));
            duplicates_.add(e, index, row);
        }
        bool const valid = found_.empty();
        if (valid) ++valid_;
        if (visitor_.enterprise) visitor_.enterprise(std::move(e), valid);
        problems_.insert(problems_.end(), std::make_move_iterator(found_.begin()), std::make_move_iterator(found_.end()));
        if (visitor_.progress && count_ % kProgressRows == 0) visitor_.progress({count_, valid_, source_.bytes_read()});
    }

    plans::Plan const* plan_;
    ListVisitor const& visitor_;
    JsonSource const& source_;
    At at_ = At::start;
    std::string key_;                              // the document member being read
    std::size_t enterprises_members_ = 0;          // how often "enterprises" was given
    std::optional<std::size_t> streamed_;          // elements of the streamed enterprises array
    json members_ = json::object();                // the document's other members
    json root_kind_;                               // a value of the document's kind, when not an object
    json value_;                                   // the member being built
    std::optional<DomBuilder> dom_;
    int depth_ = 0;                                // of value_ while it is built
    detail::EnterpriseEventReader reader_;         // the enterprise being read
    std::vector<ListProblem> found_, checked_;     // its problems
    std::size_t count_ = 0, valid_ = 0;
    std::vector<ListProblem> problems_;            // the enterprises', in list order
    detail::DuplicateFinder duplicates_;
};

// `plan` null: the shape only.
ListReadResult read_json(JsonSource& source, plans::Plan const* plan, ListVisitor const& visitor) {
    ListSax sax(plan, visitor, source);
    try {
        detail::scan_json_events(source, sax);
    } catch (JsonInputError const& e) {
        ListReadResult result;
        result.problems.push_back({0, "", std::string("malformed JSON: ") + e.what()});
        result.malformed = true;
        return result;
    }
    return sax.finish();
}

ListParseResult parse_whole(std::string_view text, plans::Plan const* plan) {
    ListParseResult result;
    JsonSource source(text);
    auto read = read_json(source, plan, {[&](Enterprise&& e, bool) { result.list.enterprises.push_back(std::move(e)); }, {}});
    if (read.malformed) result.list.enterprises.clear();
    result.problems = std::move(read.problems);
    result.malformed = read.malformed;
    return result;
}

}  // namespace

ListReadResult read_list_json(JsonSource& source, plans::Plan const& plan, ListVisitor const& visitor) {
    return read_json(source, &plan, visitor);
}

ListParseResult parse_list_json(std::string_view text, plans::Plan const& plan) { return parse_whole(text, &plan); }

ListParseResult detail::read_list_shape(std::string_view text) { return parse_whole(text, nullptr); }

}  // namespace hazeguard::engine
