// AnswerBatcher: answers handed over while a batch waits join it (one handler on the io_context),
// run in the order they came, every one even if one throws; a batch never run frees its answers.
#include <catch2/catch.hpp>

#include "api/server/answer_batcher.hpp"

#include <boost/asio/io_context.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace hazeguard::api::test {
namespace {

TEST_CASE("answers handed over while a batch waits share one handler and keep their order", "[server][batch]") {
    boost::asio::io_context ioc;
    AnswerBatcher batcher;
    std::string ran;
    for (char c : std::string("abc")) batcher.hand_over(ioc, [&ran, c] { ran += c; });
    CHECK(ioc.poll() == 1);  // one handler for the three
    CHECK(ran == "abc");
    ioc.restart();
    batcher.hand_over(ioc, [&ran] { ran += 'd'; });  // after the batch ran: a new one
    CHECK(ioc.poll() == 1);
    CHECK(ran == "abcd");
}

TEST_CASE("an answer handed over while its batch runs starts the next batch", "[server][batch]") {
    boost::asio::io_context ioc;
    AnswerBatcher batcher;
    std::string ran;
    batcher.hand_over(ioc, [&] {
        ran += '1';
        batcher.hand_over(ioc, [&ran] { ran += '2'; });
    });
    CHECK(ioc.poll() == 2);
    CHECK(ran == "12");
}

TEST_CASE("every answer of a batch runs even if one throws and the first error comes out", "[server][batch]") {
    boost::asio::io_context ioc;
    AnswerBatcher batcher;
    std::string ran;
    batcher.hand_over(ioc, [&ran] { ran += 'a'; });
    batcher.hand_over(ioc, [] { throw std::runtime_error("first"); });
    batcher.hand_over(ioc, [] { throw std::logic_error("second"); });
    batcher.hand_over(ioc, [&ran] { ran += 'b'; });
    CHECK_THROWS_WITH(ioc.poll(), "first");
    CHECK(ran == "ab");
}

TEST_CASE("a batch its io_context never runs frees what its answers hold", "[server][batch]") {
    auto held = std::make_shared<int>(7);
    std::weak_ptr<int> watch = held;
    {
        boost::asio::io_context ioc;
        AnswerBatcher batcher;
        batcher.hand_over(ioc, [held = std::move(held)] {});
        CHECK_FALSE(watch.expired());
    }
    CHECK(watch.expired());
}

}  // namespace
}  // namespace hazeguard::api::test
