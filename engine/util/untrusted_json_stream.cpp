#include "engine/util/untrusted_json_stream.hpp"

#include <istream>
#include <optional>

namespace hazeguard::engine {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;

using json = nlohmann::json;

// The parser's input: nlohmann's lexer takes any type with char_type and get_character().
struct SourceInput {
    using char_type = char;
    JsonSource* source;
    std::char_traits<char>::int_type get_character() { return source->next(); }
};

// Forwards every event to the reader's handler, counts the nesting, and keeps the first failure.
class BoundedSax final : public nlohmann::json_sax<json> {
public:
    BoundedSax(nlohmann::json_sax<json>& inner, JsonSource const& source, int max_depth)
        : inner_(inner), source_(source), max_depth_(max_depth) {}

    bool null() override { return inner_.null(); }
    bool boolean(bool v) override { return inner_.boolean(v); }
    bool number_integer(number_integer_t v) override { return inner_.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override { return inner_.number_unsigned(v); }
    bool number_float(number_float_t v, string_t const& s) override { return inner_.number_float(v, s); }
    bool string(string_t& v) override { return inner_.string(v); }
    bool binary(binary_t& v) override { return inner_.binary(v); }
    bool start_object(std::size_t n) override { return deeper() && inner_.start_object(n); }
    bool key(string_t& v) override { return inner_.key(v); }
    bool end_object() override { return --depth_, inner_.end_object(); }
    bool start_array(std::size_t n) override { return deeper() && inner_.start_array(n); }
    bool end_array() override { return --depth_, inner_.end_array(); }
    bool parse_error(std::size_t, std::string const&, nlohmann::detail::exception const& e) override {
        failure_ = detail::input_error(e);
        return false;
    }
    std::optional<JsonInputError> const& failure() const { return failure_; }

private:
    // The bracket just read is the last byte the parser took.
    bool deeper() {
        if (++depth_ <= max_depth_) return true;
        failure_ = detail::too_deep(max_depth_, source_.bytes_read() - 1);
        return false;
    }

    nlohmann::json_sax<json>& inner_;
    JsonSource const& source_;
    int max_depth_;
    int depth_ = 0;
    std::optional<JsonInputError> failure_;
};

}  // namespace

JsonSource::JsonSource(std::istream& in) : in_(&in), buffer_(kChunk, '\0'), start_(in.tellg()) { refill(); }

std::string_view JsonSource::take() {
    if (pos_ == chunk_.size()) refill();
    auto const part = chunk_.substr(pos_, kChunk);
    pos_ += part.size();
    return part;
}

bool JsonSource::rewind() {
    before_ = 0;
    pos_ = 0;
    if (in_ == nullptr) return true;
    chunk_ = {};
    in_->clear();
    if (start_ < 0 || !in_->seekg(start_)) return false;
    refill();
    return true;
}

void JsonSource::refill() {
    if (in_ == nullptr) return;  // a whole text has no next chunk: the end
    before_ += chunk_.size();
    pos_ = 0;
    chunk_ = {};
    if (!*in_) return;
    in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    chunk_ = std::string_view(buffer_.data(), static_cast<std::size_t>(in_->gcount()));
}

void sax_parse_untrusted(JsonSource& source, nlohmann::json_sax<json>& sax, int max_depth) {
    if (source.in_memory())
        if (auto const at = detail::too_deep_at(source.whole_text(), max_depth))
            throw detail::too_deep(max_depth, *at);
    BoundedSax bounded(sax, source, max_depth);
    nlohmann::detail::parser<json, SourceInput> parser(SourceInput{&source});
    if (parser.sax_parse(&bounded, true)) return;
    if (bounded.failure()) throw *bounded.failure();
}

}  // namespace hazeguard::engine
