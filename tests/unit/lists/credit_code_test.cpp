// GB 32100-2015 check character. Expected values were worked out independently of the code under
// test (Σ value × weight over positions 1–17, check = 31 − Σ mod 31, 31 → '0').
#include <string>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

TEST_CASE("credit code check character follows GB 32100-2015", "[lists][credit_code]") {
    // 9·1 + 1·3 + 1·9 + 4·27 + 0·19 + 1·26 + 2·16 + 1·17 + M(21)·20 + A(10)·29 + 0 + T(25)·13
    // + E(14)·8 + 0 + 0 + 0 + 1·28 = 1392; 1392 mod 31 = 28; 31 − 28 = 3.
    CHECK(credit_code_check_char("91140121MA0TE0001") == '3');
    CHECK(credit_code_check_char("91110000600037341") == 'L');
    CHECK(credit_code_check_char("91350100M000100Y4") == '3');
    CHECK(credit_code_check_char("12100000400010398") == 'P');
    CHECK(credit_code_check_char("91140105MA0TE0011") == 'Y');  // Σ mod 31 = 1 → 30 → 'Y'
    CHECK(credit_code_check_char("91140105MA0TE0021") == '0');  // Σ mod 31 = 0 → 31 → '0'
}

TEST_CASE("credit code check character rejects what it cannot weigh", "[lists][credit_code]") {
    CHECK(credit_code_check_char("91140121TEST00001") == '\0');   // S is not in the alphabet
    CHECK(credit_code_check_char("91140121ma0te0001") == '\0');   // lower case
    CHECK(credit_code_check_char("9114012") == '\0');             // too short
    CHECK(credit_code_check_char("91140121MA0TE00013") == '\0');  // 18, not 17
}

TEST_CASE("valid credit codes", "[lists][credit_code]") {
    for (auto const* code : {"91140121MA0TE00013", "91110000600037341L", "91350100M000100Y43",
                             "12100000400010398P", "91140105MA0TE0011Y", "91140105MA0TE00210"}) {
        INFO(code);
        CHECK(valid_credit_code(code));
    }
}

TEST_CASE("invalid credit codes", "[lists][credit_code]") {
    CHECK_FALSE(valid_credit_code("91140121MA0TE00012"));   // wrong check character
    CHECK_FALSE(valid_credit_code("91140121MA0TE0001X"));   // the §13 pattern's X is wrong here
    CHECK_FALSE(valid_credit_code("91140121TEST00001X"));   // the brief's fake code: S, wrong check
    CHECK_FALSE(valid_credit_code("91140121ma0te00013"));   // lower case
    CHECK_FALSE(valid_credit_code("91140121MA0TE0001"));    // 17 characters
    CHECK_FALSE(valid_credit_code("91140121MA0TE000133"));  // 19 characters
    CHECK_FALSE(valid_credit_code(""));
    CHECK_FALSE(valid_credit_code("91140121MA0TI00013"));  // I is not used
    CHECK_FALSE(valid_credit_code("91140121MA0TE0001 "));  // space
    // check digit right, but positions 3–8 (division code) hold a letter
    CHECK_FALSE(valid_credit_code(test::with_check("911A0121MA0TE0001")));
    CHECK(valid_credit_code(test::with_check("91140121MA0TE0001")));
}

}  // namespace
}  // namespace hazeguard::engine
