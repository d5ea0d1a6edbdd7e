// The progress line of a long list import (engine/service/lists/import_progress.hpp).
#include <catch2/catch.hpp>

#include "engine/service/lists/import_progress.hpp"

namespace hazeguard::service {
namespace {

TEST_CASE("an import's progress line counts rows and estimates the time left", "[lists][progress]") {
    ImportProgress p{{45000, 44990, 400}, 1000, 12000};
    CHECK(import_progress_line(p, 2.0) == "45,000 rows read, 44,990 valid, 12,000 stored, 40 %, about 3.0 s left");
    p.size = 0;  // the document's size unknown: no estimate
    CHECK(import_progress_line(p, 2.0) == "45,000 rows read, 44,990 valid, 12,000 stored");
    ImportProgress const start{{0, 0, 0}, 1000, 0};
    CHECK(import_progress_line(start, 0.1) == "0 rows read, 0 valid, 0 stored");
}

}  // namespace
}  // namespace hazeguard::service
