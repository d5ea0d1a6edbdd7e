// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters,
//   1     registration authority (登记管理部门代码)
//   2     organisation type (机构类别代码)
//   3–8   administrative division code (登记管理机关行政区划码), digits
//   9–17  organisation code (主体标识码)
//   18    check character
// over the 31-character alphabet 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z).
#include <array>
#include <string>
#include <string_view>

#include "engine/enterprises/detail/list_common.hpp"
#include "engine/enterprises/list_import.hpp"

namespace hazeguard::engine {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::size_t kLength = 18;

// Value of a code character (its index in the alphabet), or -1.
int char_value(char c) {
    auto const at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

char credit_code_check_char(std::string_view first17) {
    if (first17.size() != kWeights.size()) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i) {
        int const v = char_value(first17[i]);
        if (v < 0) return '\0';
        sum += v * kWeights[i];
    }
    int const check = 31 - sum % 31;
    return kAlphabet[static_cast<std::size_t>(check == 31 ? 0 : check)];
}

bool valid_credit_code(std::string_view code) { return detail::credit_code_problem(code).empty(); }

namespace detail {

std::string credit_code_problem(std::string_view code) {
    if (code.size() != kLength)
        return "credit code must be 18 characters, got " + std::to_string(code.size()) + " bytes";
    for (std::size_t i = 0; i < code.size(); ++i) {
        char const c = code[i];
        if (char_value(c) >= 0) continue;
        std::string const where = " at position " + std::to_string(i + 1);
        if (c >= 'a' && c <= 'z')
            return "lower-case letter '" + std::string(1, c) + "'" + where + " (codes are upper case)";
        if (c == 'I' || c == 'O' || c == 'S' || c == 'V' || c == 'Z')
            return "letter '" + std::string(1, c) + "'" + where +
                   " is not used in credit codes (no I, O, S, V, Z)";
        return "character" + where + " is not allowed (only 0-9 and A-Y without I, O, S, V, Z)";
    }
    for (std::size_t i = 2; i < 8; ++i)
        if (!is_digit(code[i]))
            return "positions 3-8 must be the administrative division code (digits), position " +
                   std::to_string(i + 1) + " is '" + std::string(1, code[i]) + "'";
    char const expected = credit_code_check_char(code.substr(0, kWeights.size()));
    if (code[kLength - 1] != expected)
        return "check character is '" + std::string(1, code[kLength - 1]) + "' but should be '" +
               std::string(1, expected) + "' (GB 32100-2015)";
    return {};
}

}  // namespace detail

}  // namespace hazeguard::engine
