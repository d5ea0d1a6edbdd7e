// One enterprise of a JSON list from the parser's events into the model. What each object of the
// list holds is written once, in the tables below (docs/list-format.md §"Enterprise", "Line",
// "Measure", "Contact"); the reader walks them as the events come, so a valid enterprise costs no
// parse tree and no JSON pointer. Problems are kept with their place in the walk and put in order
// once the enterprise ends (they are rare).
#include "engine/enterprises/detail/enterprise_event_reader.hpp"

#include <algorithm>
#include <climits>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "engine/enterprises/detail/list_common.hpp"

namespace hazeguard::engine::detail {

using nlohmann::json;

// What a member's value must be, from the model's type of it.
enum class FieldType : std::uint8_t {
    text,        // std::string: a JSON string
    days,        // int: an integer (operating_days)
    number,      // std::optional<double>: any JSON number
    pollutants,  // Pollutants: an object of numbers
    strings,     // std::vector<std::string>: an array of strings
    objects,     // std::vector<X>: an array of objects read by X's schema
};

struct Field {
    std::string_view name;
    FieldType type;
    void* (*member)(void* owner);        // the member in a model object
    ObjectSchema const* elements;        // objects: the elements' schema
};

struct ObjectSchema {
    std::span<Field const> fields;       // in the order their problems are reported
    void* (*append)(void* vector);       // a new element at the end of a vector of these objects
    void (*clear)(void* vector);
};

namespace {

template <class T, class M>
T owner_of(M T::*);
template <class T, class M>
M type_of(M T::*);

template <auto Member>
void* member_at(void* owner) {
    return &(static_cast<decltype(owner_of(Member))*>(owner)->*Member);
}
template <class T>
void* append_to(void* vector) {
    return &static_cast<std::vector<T>*>(vector)->emplace_back();
}
template <class T>
void clear_all(void* vector) {
    static_cast<std::vector<T>*>(vector)->clear();
}

// Member `name` of the model, typed by the model's member `Member`.
template <auto Member>
constexpr Field field(std::string_view name, ObjectSchema const* elements = nullptr) {
    using M = decltype(type_of(Member));
    FieldType type = FieldType::objects;  // a vector of model objects, read by `elements`
    if constexpr (std::is_same_v<M, std::string>) type = FieldType::text;
    else if constexpr (std::is_same_v<M, int>) type = FieldType::days;
    else if constexpr (std::is_same_v<M, std::optional<double>>) type = FieldType::number;
    else if constexpr (std::is_same_v<M, Pollutants>) type = FieldType::pollutants;
    else if constexpr (std::is_same_v<M, std::vector<std::string>>) type = FieldType::strings;
    return {name, type, &member_at<Member>, elements};
}

template <class T>
constexpr ObjectSchema schema(std::span<Field const> fields) {
    return {fields, &append_to<T>, &clear_all<T>};
}

constexpr Field kLineFields[] = {
    field<&ProductionLine::id>("id"),
    field<&ProductionLine::name>("name"),
    field<&ProductionLine::process>("process"),
    field<&ProductionLine::emission_share>("emission_share"),
};
constexpr ObjectSchema kLine = schema<ProductionLine>(kLineFields);

constexpr Field kMeasureFields[] = {
    field<&LevelMeasure::level>("level"),
    field<&LevelMeasure::text>("text"),
    field<&LevelMeasure::action>("action"),
    field<&LevelMeasure::transport>("transport"),
    field<&LevelMeasure::parameter>("parameter"),
    field<&LevelMeasure::reductions_t_per_day>("reductions_t_per_day"),
    field<&LevelMeasure::lines>("lines"),
};
constexpr ObjectSchema kMeasure = schema<LevelMeasure>(kMeasureFields);

constexpr Field kContactFields[] = {
    field<&Contact::role>("role"),
    field<&Contact::name>("name"),
    field<&Contact::phone>("phone"),
};
constexpr ObjectSchema kContact = schema<Contact>(kContactFields);

constexpr Field kEnterpriseFields[] = {
    field<&Enterprise::credit_code>("credit_code"),
    field<&Enterprise::name>("name"),
    field<&Enterprise::district>("district"),
    field<&Enterprise::park>("park"),
    field<&Enterprise::industry>("industry"),
    field<&Enterprise::grade>("grade"),
    field<&Enterprise::guarantee>("guarantee"),
    field<&Enterprise::operating_days>("operating_days"),
    field<&Enterprise::baseline_kwh_per_day>("baseline_kwh_per_day"),
    field<&Enterprise::lines>("lines", &kLine),
    field<&Enterprise::baseline_t_per_year>("baseline_t_per_year"),
    field<&Enterprise::measures>("measures", &kMeasure),
    field<&Enterprise::contacts>("contacts", &kContact),
};
constexpr ObjectSchema kEnterprise = schema<Enterprise>(kEnterpriseFields);

constexpr int kUnknown = -1;  // Frame::field of a member no table names
constexpr int kComment = -2;  // Frame::field of "$comment", allowed anywhere and ignored

bool is_container(json::value_t kind) { return kind == json::value_t::object || kind == json::value_t::array; }
bool is_number(json::value_t kind) {
    return kind == json::value_t::number_integer || kind == json::value_t::number_unsigned ||
           kind == json::value_t::number_float;
}
double number_of(ScalarEvent const& e) {
    return e.kind == json::value_t::number_integer    ? static_cast<double>(e.integer)
           : e.kind == json::value_t::number_unsigned ? static_cast<double>(e.unsigned_integer)
                                                      : e.number;
}

// A member given again is read as its last value: what the first one left is undone.
void reset(Field const& field, void* member) {
    switch (field.type) {
        case FieldType::text:
            static_cast<std::string*>(member)->clear();
            break;
        case FieldType::days:
            *static_cast<int*>(member) = Enterprise{}.operating_days;
            break;
        case FieldType::number:
            static_cast<std::optional<double>*>(member)->reset();
            break;
        case FieldType::pollutants:
            static_cast<Pollutants*>(member)->clear();
            break;
        case FieldType::strings:
            static_cast<std::vector<std::string>*>(member)->clear();
            break;
        case FieldType::objects:
            field.elements->clear(member);
            break;
    }
}

}  // namespace

bool EnterpriseEventReader::Step::operator<(Step const& o) const {
    return std::tie(rank, key, index) < std::tie(o.rank, o.key, o.index);
}

EnterpriseEventReader::EnterpriseEventReader() { frames_.reserve(8); }

void EnterpriseEventReader::begin(std::size_t index) {
    index_ = index;
    enterprise_ = Enterprise{};
    frames_.clear();
    found_.clear();
}

bool EnterpriseEventReader::scalar(ScalarEvent const& event) {
    value(event.kind, event);
    return frames_.empty();
}

bool EnterpriseEventReader::start(json::value_t container) {
    value(container, ScalarEvent{container});
    return false;  // a container is never complete at its start
}

bool EnterpriseEventReader::end() {
    if (auto& f = frames_.back(); f.shape == Shape::skipped && --f.index > 0) return false;
    frames_.pop_back();
    return frames_.empty();
}

void EnterpriseEventReader::key(std::string const& key) {
    auto& f = frames_.back();
    if (f.shape == Shape::pollutants) {
        f.key = key;
        if (!found_.empty()) forget(path());  // a pollutant given again: its last value counts
        return;
    }
    if (f.shape != Shape::object) return;
    if (key == "$comment") {
        f.field = kComment;
        return;
    }
    auto const fields = f.schema->fields;
    auto const known = std::find_if(fields.begin(), fields.end(), [&](Field const& m) { return m.name == key; });
    if (known == fields.end()) {
        f.field = kUnknown;
        f.key = key;
        auto at = path();
        forget(at);  // reported once, however often it is given
        report(std::move(at), "unknown member " + in_quotes(key));
        return;
    }
    f.field = static_cast<int>(known - fields.begin());
    auto const bit = std::uint32_t{1} << f.field;
    if (f.given & bit) {
        reset(*known, known->member(f.target));
        forget(path());
    }
    f.given |= bit;
}

void EnterpriseEventReader::value(json::value_t kind, ScalarEvent const& event) {
    if (frames_.empty()) {  // the enterprise itself
        if (kind == json::value_t::object) push(Shape::object, &kEnterprise, &enterprise_);
        else mismatch("an object", kind);
        return;
    }
    auto& f = frames_.back();
    switch (f.shape) {
        case Shape::skipped:
            if (is_container(kind)) ++f.index;
            return;
        case Shape::object:
            return member(f, kind, event);
        case Shape::objects:
            f.index = f.count++;
            if (kind == json::value_t::object) push(Shape::object, f.schema, f.schema->append(f.target));
            else mismatch("an object", kind);
            return;
        case Shape::strings:
            f.index = f.count++;
            if (kind == json::value_t::string) static_cast<std::vector<std::string>*>(f.target)->push_back(*event.text);
            else mismatch("a string", kind);
            return;
        case Shape::pollutants:
            if (is_number(kind)) {
                (*static_cast<Pollutants*>(f.target))[f.key] = number_of(event);
            } else {
                static_cast<Pollutants*>(f.target)->erase(f.key);
                mismatch("a number", kind);
            }
            return;
    }
}

void EnterpriseEventReader::member(Frame& f, json::value_t kind, ScalarEvent const& event) {
    if (f.field < 0) {  // unknown (reported at its key) or $comment: not read
        if (is_container(kind)) push(Shape::skipped, nullptr, nullptr);
        return;
    }
    if (kind == json::value_t::null) return;  // as if absent
    auto const& field = f.schema->fields[static_cast<std::size_t>(f.field)];
    void* const m = field.member(f.target);
    switch (field.type) {
        case FieldType::text:
            if (kind == json::value_t::string) *static_cast<std::string*>(m) = *event.text;
            else mismatch("a string", kind);
            return;
        case FieldType::number:
            if (is_number(kind)) *static_cast<std::optional<double>*>(m) = number_of(event);
            else mismatch("a number", kind);
            return;
        case FieldType::days:
            if (kind == json::value_t::number_unsigned && event.unsigned_integer <= INT_MAX)
                *static_cast<int*>(m) = static_cast<int>(event.unsigned_integer);
            else if (kind == json::value_t::number_integer && event.integer >= INT_MIN)
                *static_cast<int*>(m) = static_cast<int>(event.integer);
            else if (kind == json::value_t::number_unsigned || kind == json::value_t::number_integer)
                report(path(), "operating days must be 1..366");
            else
                mismatch("an integer", kind);
            return;
        case FieldType::pollutants:
            if (kind == json::value_t::object) push(Shape::pollutants, nullptr, m);
            else mismatch("an object", kind);
            return;
        case FieldType::strings:
            if (kind == json::value_t::array) push(Shape::strings, nullptr, m);
            else mismatch("an array", kind);
            return;
        case FieldType::objects:
            if (kind == json::value_t::array) push(Shape::objects, field.elements, m);
            else mismatch("an array", kind);
            return;
    }
}

void EnterpriseEventReader::push(Shape shape, ObjectSchema const* schema, void* target) {
    auto& f = frames_.emplace_back();
    f.shape = shape;
    f.schema = schema;
    f.target = target;
    f.index = shape == Shape::skipped ? 1 : 0;
}

// The value at hand is not what its place wants: reported, and skipped when it is a container.
void EnterpriseEventReader::mismatch(char const* wanted, json::value_t got) {
    report(path(), expected_type(wanted, got));
    if (is_container(got)) push(Shape::skipped, nullptr, nullptr);
}

// The place of the value at hand.
std::vector<EnterpriseEventReader::Step> EnterpriseEventReader::path() const {
    std::vector<Step> steps;
    for (auto const& f : frames_) {
        Step step;
        if (f.shape == Shape::object && f.field >= 0) {
            step.rank = 1 + f.field;
            step.key = f.schema->fields[static_cast<std::size_t>(f.field)].name;
        } else if (f.shape == Shape::objects || f.shape == Shape::strings) {
            step.index = f.index;
            step.is_index = true;
        } else {
            step.key = f.key;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

void EnterpriseEventReader::report(std::vector<Step> at, std::string message) {
    std::string pointer = enterprise_pointer(index_);
    for (auto const& step : at) pointer = step.is_index ? child(std::move(pointer), step.index) : child(std::move(pointer), step.key);
    found_.push_back({std::move(at), {static_cast<int>(index_) + 1, std::move(pointer), std::move(message)}});
}

// Forgets the problems at `at` and below it.
void EnterpriseEventReader::forget(std::vector<Step> const& at) {
    auto const same = [](Step const& a, Step const& b) {
        return a.rank == b.rank && a.key == b.key && a.index == b.index && a.is_index == b.is_index;
    };
    std::erase_if(found_, [&](Found const& f) {
        return f.path.size() >= at.size() && std::equal(at.begin(), at.end(), f.path.begin(), same);
    });
}

Enterprise EnterpriseEventReader::take(std::vector<ListProblem>& problems) {
    std::stable_sort(found_.begin(), found_.end(), [](Found const& a, Found const& b) {
        return std::lexicographical_compare(a.path.begin(), a.path.end(), b.path.begin(), b.path.end());
    });
    for (auto& f : found_) problems.push_back(std::move(f.problem));
    found_.clear();
    return std::move(enterprise_);
}

}  // namespace hazeguard::engine::detail
