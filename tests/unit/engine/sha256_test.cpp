// Unit tests for engine/util/sha256.{hpp,cpp}: FIPS 180-4 / NIST example vectors plus padding edges.
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "engine/util/sha256.hpp"

namespace hazeguard::engine {
namespace {

TEST_CASE("sha256_hex of the empty message is the FIPS value", "[engine][sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256_hex of \"abc\" is the FIPS one-block value", "[engine][sha256]") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256_hex of the 448-bit FIPS message spans two blocks", "[engine][sha256]") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256_hex of the 896-bit NIST message is correct", "[engine][sha256]") {
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                     "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256_hex of one million 'a' is the FIPS long-message value", "[engine][sha256]") {
    std::string const million(1'000'000, 'a');
    CHECK(sha256_hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256_hex pads correctly around the 55/56/64-byte block boundaries", "[engine][sha256]") {
    // Reference digests of n × 'x' from coreutils sha256sum.
    auto const [n, digest] = GENERATE(table<std::size_t, std::string>({
        {55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
        {56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
        {63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
        {64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
        {65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
        {119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
        {120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
    }));
    INFO("length " << n);
    CHECK(sha256_hex(std::string(n, 'x')) == digest);
}

TEST_CASE("sha256_hex hashes bytes, including NUL, high bytes and UTF-8", "[engine][sha256]") {
    using namespace std::string_literals;
    CHECK(sha256_hex("\x00\xff\x80"s) == "f742b965f156c10374bc23aea96e3a8aff8facd6fc079defeaa30219ad86f211");
    CHECK(sha256_hex("太原") == "5ca468f50ff8883b7420de0f74fe4a585820cf439931f96fc0fcc350603ddd58");
}

TEST_CASE("sha256_hex returns 64 lower-case hex digits", "[engine][sha256]") {
    auto const d = sha256_hex("hazeguard");
    CHECK(d.size() == 64);
    CHECK(d.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("a digest built from pieces is the digest of their concatenation", "[engine][sha256]") {
    std::string const whole(200'000, 'x');
    Sha256 pieces;
    pieces.update("");
    for (std::size_t at = 0; at < whole.size(); at += 777) pieces.update(std::string_view(whole).substr(at, 777));
    CHECK(pieces.hex() == sha256_hex(whole));
    Sha256 none;
    CHECK(none.hex() == sha256_hex(""));
}

}  // namespace
}  // namespace hazeguard::engine
