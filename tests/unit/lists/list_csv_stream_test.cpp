// read_list_csv and CsvRecordReader: a CSV list read a record at a time gives parse_list_csv's
// problems and rows, records cut by the end of a chunk are read whole, and the reading is never
// more than a chunk ahead of the row it hands on.
#include <algorithm>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/enterprises/list_import.hpp"
#include "tests/unit/lists/list_test_support.hpp"

namespace hazeguard::engine {
namespace {

constexpr std::size_t kCsvChunk = std::size_t{1} << 20;  // CsvRecordReader's

std::string const kCsvHeader = "credit_code,name,district,industry,grade,lines,so2_t_per_year,nox_t_per_year,"
                            "pm_t_per_year,vocs_t_per_year,contact_name,contact_phone\n";

// A valid row for plant `i` (its own credit code and name).
std::string csv_row(std::size_t i) {
    return test::with_check("91140121MA" + std::to_string(1000000 + i)) + ",示例企业" + std::to_string(i) +
           "有限公司,清徐县,焦化,B,CO-1:焦炉1号:炼焦,96,420,72,210,王建国,0351-5710001\n";
}

struct CsvStreamed {
    ListReadResult result;
    std::vector<bool> valid;
};

CsvStreamed stream_csv(std::string const& text) {
    std::istringstream in(text);
    CsvRecordReader records(in);
    CsvStreamed out;
    out.result = read_list_csv(records, test::test_plan(), {[&](Enterprise&&, bool valid) { out.valid.push_back(valid); }, {}});
    return out;
}

TEST_CASE("a streamed CSV list hands each row on, checked, with parse_list_csv's problems", "[lists][csv][stream]") {
    std::string const text = kCsvHeader + csv_row(1) + "\n" + csv_row(2) +  // a blank row counts
                             "91140121MA0TE00013,坏企业,清徐县,焦化,Z,CO-1:焦炉,9b6,1,1,1,王,1\n" + csv_row(1) +
                             "\"a,b\",\"x\"y,清徐县\n";
    auto const streamed = stream_csv(text);
    auto const whole = parse_list_csv(text, test::test_plan());
    INFO(test::describe(whole.problems));
    test::check_same_problems(streamed.result.problems, whole.problems);
    CHECK(streamed.result.count == 5);
    CHECK(whole.list.enterprises.size() == 5);
    CHECK(test::has_problem(whole.problems, 4, "/rows/4/grade", "unknown grade"));
    CHECK(test::has_problem(whole.problems, 5, "/rows/5/credit_code", "duplicate credit code"));
    CHECK(test::has_problem(whole.problems, 6, "/rows/6", "text after the closing quote"));
    // Duplicates are found at the end: the first row is valid as it is handed on.
    CHECK(streamed.valid == std::vector<bool>{true, true, false, true, false});
}

TEST_CASE("a byte that is not UTF-8 late in a CSV stream is the only problem", "[lists][csv][stream]") {
    std::string const text = kCsvHeader + csv_row(1) + "91140121MA0TE00013,坏\xB5企业\n" + csv_row(2);
    auto const streamed = stream_csv(text);
    auto const whole = parse_list_csv(text, test::test_plan());
    REQUIRE(whole.problems.size() == 1);
    CHECK(whole.problems[0].message.find("not UTF-8 (byte " + std::to_string(text.find('\xB5')) + ")") == 0);
    CHECK(whole.list.enterprises.empty());
    test::check_same_problems(streamed.result.problems, whole.problems);
    CHECK(stream_csv(kCsvHeader.substr(0, 5) + "\xC3").result.problems.at(0).message.find("not UTF-8 (byte 5)") == 0);
    CHECK(stream_csv("\n\n\xFF").result.problems.at(0).message.find("not UTF-8 (byte 2)") == 0);
    CHECK(stream_csv("\n\n").result.problems.at(0).message == "no header row");
}

TEST_CASE("records cut by the end of a chunk are read as read_csv reads them", "[lists][csv][stream]") {
    std::string const tail = "\"q,\r\n\"\"x\"\"\",b\r\nc,\"d\"\r\"e\"\r\n\"open";
    for (std::size_t shift = 0; shift < tail.size() + 2; ++shift) {
        std::string const text = "\xEF\xBB\xBF" "a," + std::string(kCsvChunk - 5 - shift, 'p') + "\n" + tail;
        auto const whole = read_csv(text);
        std::istringstream in(text);
        CsvRecordReader reader(in);
        CsvDocument streamed;
        CsvRecord record;
        while (reader.next(record, streamed.errors)) streamed.records.push_back(std::move(record));
        INFO("shift " << shift);
        REQUIRE(streamed.records.size() == whole.records.size());
        for (std::size_t r = 0; r < whole.records.size(); ++r) {
            CHECK(streamed.records[r].fields == whole.records[r].fields);
            CHECK(streamed.records[r].line == whole.records[r].line);
        }
        REQUIRE(streamed.errors.size() == whole.errors.size());
        for (std::size_t e = 0; e < whole.errors.size(); ++e) {
            CHECK(streamed.errors[e].record == whole.errors[e].record);
            CHECK(streamed.errors[e].message == whole.errors[e].message);
        }
        CHECK(reader.bytes_read() == text.size());
    }
}

// A CSV list of `rows` rows made as it is read, counting the bytes handed out.
class GeneratedCsv final : public std::streambuf {
public:
    explicit GeneratedCsv(std::size_t rows) : rows_(rows) { refill(); }
    std::size_t served() const { return served_; }

private:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (!refill()) return traits_type::eof();
        return traits_type::to_int_type(*gptr());
    }
    bool refill() {
        if (next_ > rows_) return false;
        text_ = next_ == 0 ? kCsvHeader : csv_row(next_);
        ++next_;
        served_ += text_.size();
        setg(text_.data(), text_.data(), text_.data() + text_.size());
        return true;
    }
    std::size_t rows_;
    std::size_t next_ = 0;
    std::size_t served_ = 0;
    std::string text_;
};

TEST_CASE("a large CSV list is read no more than a chunk ahead of the row handed on", "[lists][csv][stream]") {
    std::size_t const rows = 60000;  // about 7 MB
    GeneratedCsv source(rows);
    std::istream in(&source);
    CsvRecordReader records(in);
    std::size_t handed = 0, ahead = 0, row_bytes = kCsvHeader.size();
    auto const result = read_list_csv(records, test::test_plan(), {[&](Enterprise&&, bool valid) {
        CHECK(valid);
        row_bytes += csv_row(++handed).size();
        ahead = std::max(ahead, source.served() - row_bytes);
    }, {}});
    INFO(test::describe(result.problems));
    CHECK(result.ok());
    CHECK(handed == rows);
    CHECK(source.served() > 5 * kCsvChunk);
    CHECK(ahead <= kCsvChunk + csv_row(rows).size());
}

}  // namespace
}  // namespace hazeguard::engine
