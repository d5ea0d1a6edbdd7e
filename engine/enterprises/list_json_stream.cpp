// read_list_json: the JSON form of a list as a stream of SAX events. The enterprises array is read
// one element at a time: each element becomes a small parse tree, is read into the model
// (list_json.cpp), checked (list_validation.cpp) and handed on before the next is parsed. Every
// other member of the document is small and kept as a tree until the end, where the document's
// own problems are found as parse_list_json always found them.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

using nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<json>;

class ListSax final : public nlohmann::json_sax<json> {
public:
    ListSax(plans::Plan const& plan, ListVisitor const& visitor, JsonSource const& source)
        : plan_(plan), visitor_(visitor), source_(source) {}

    bool null() override { return event(0, json::value_t::null, [](DomBuilder& d) { return d.null(); }); }
    bool boolean(bool v) override {
        return event(0, json::value_t::boolean, [&](DomBuilder& d) { return d.boolean(v); });
    }
    bool number_integer(number_integer_t v) override {
        return event(0, json::value_t::number_integer, [&](DomBuilder& d) { return d.number_integer(v); });
    }
    bool number_unsigned(number_unsigned_t v) override {
        return event(0, json::value_t::number_unsigned, [&](DomBuilder& d) { return d.number_unsigned(v); });
    }
    bool number_float(number_float_t v, string_t const& s) override {
        return event(0, json::value_t::number_float, [&](DomBuilder& d) { return d.number_float(v, s); });
    }
    bool string(string_t& v) override {
        return event(0, json::value_t::string, [&](DomBuilder& d) { return d.string(v); });
    }
    bool binary(binary_t& v) override {
        return event(0, json::value_t::binary, [&](DomBuilder& d) { return d.binary(v); });
    }
    bool start_object(std::size_t n) override {
        return event(1, json::value_t::object, [&](DomBuilder& d) { return d.start_object(n); });
    }
    bool end_object() override {
        return event(-1, json::value_t::object, [](DomBuilder& d) { return d.end_object(); });
    }
    bool start_array(std::size_t n) override {
        return event(1, json::value_t::array, [&](DomBuilder& d) { return d.start_array(n); });
    }
    bool end_array() override {
        return event(-1, json::value_t::array, [](DomBuilder& d) { return d.end_array(); });
    }
    bool key(string_t& k) override {
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
        if (!city.empty() && !plan_.city_cn.empty() && city != plan_.city_cn)
            header.push_back({0, "/list/city",
                              "the list is for " + detail::in_quotes(city) + " but the plan is for " +
                                  detail::in_quotes(plan_.city_cn)});
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

    // `nesting`: +1 opens an object or array, -1 closes one, 0 for a scalar.
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
                begin_value(At::member);
                break;
            case At::enterprises:
                if (nesting < 0) {
                    at_ = At::root;
                    return true;
                }
                begin_value(At::element);
                break;
            case At::member:
            case At::element:
                break;
        }
        bool const ok = feed(*dom_);
        depth_ += nesting;
        if (depth_ == 0) end_value();
        return ok;
    }

    void begin_value(At at) {
        at_ = at;
        value_ = json();
        dom_.emplace(value_);
        depth_ = 0;
    }

    void end_value() {
        dom_.reset();
        if (at_ == At::member) {
            // A repeated "enterprises" after the streamed one is reported, not read.
            if (!(key_ == "enterprises" && streamed_)) members_[key_] = std::move(value_);
            at_ = At::root;
            return;
        }
        enterprise(value_);
        at_ = At::enterprises;
    }

    void enterprise(json const& value) {
        std::size_t const index = count_++;
        int const row = static_cast<int>(index) + 1;
        ++*streamed_;
        std::vector<ListProblem> found;
        Enterprise e = detail::read_enterprise(value, index, found);
        std::vector<ListProblem> checked;
        detail::check_enterprise(e, index, row, plan_, checked);
        if (!checked.empty()) detail::merge_problems(found, std::move(checked));
        duplicates_.add(e, index, row);
        bool const valid = found.empty();
        if (valid) ++valid_;
        if (visitor_.enterprise) visitor_.enterprise(std::move(e), valid);
        problems_.insert(problems_.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        if (visitor_.progress && count_ % kProgressRows == 0) visitor_.progress({count_, valid_, source_.bytes_read()});
    }

    plans::Plan const& plan_;
    ListVisitor const& visitor_;
    JsonSource const& source_;
    At at_ = At::start;
    std::string key_;                              // the document member being read
    std::size_t enterprises_members_ = 0;          // how often "enterprises" was given
    std::optional<std::size_t> streamed_;          // elements of the streamed enterprises array
    json members_ = json::object();                // the document's other members
    json root_kind_;                               // a value of the document's kind, when not an object
    json value_;                                   // the value being built
    std::optional<DomBuilder> dom_;
    int depth_ = 0;                                // of value_ while it is built
    std::size_t count_ = 0, valid_ = 0;
    std::vector<ListProblem> problems_;            // the enterprises', in list order
    detail::DuplicateFinder duplicates_;
};

}  // namespace

ListReadResult read_list_json(JsonSource& source, plans::Plan const& plan, ListVisitor const& visitor) {
    ListSax sax(plan, visitor, source);
    try {
        sax_parse_untrusted(source, sax);
    } catch (JsonInputError const& e) {
        ListReadResult result;
        result.problems.push_back({0, "", std::string("malformed JSON: ") + e.what()});
        result.malformed = true;
        return result;
    }
    return sax.finish();
}

ListParseResult parse_list_json(std::string_view text, plans::Plan const& plan) {
    ListParseResult result;
    JsonSource source(text);
    auto read = read_list_json(source, plan, {[&](Enterprise&& e, bool) { result.list.enterprises.push_back(std::move(e)); }, {}});
    if (read.malformed) result.list.enterprises.clear();
    result.problems = std::move(read.problems);
    result.malformed = read.malformed;
    return result;
}

}  // namespace hazeguard::engine
