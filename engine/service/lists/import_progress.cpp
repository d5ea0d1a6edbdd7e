#include "engine/service/lists/import_progress.hpp"

#include <cstdio>

namespace hazeguard::service {

namespace {

std::string grouped(std::size_t n) {
    std::string const digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// "44 %, about 1.3 s left" for `done` of the phase after `elapsed_s`; "" when nothing is known.
std::string how_far(double done, double elapsed_s) {
    if (!(done > 0)) return "";
    if (done > 1) done = 1;
    char text[64];
    std::snprintf(text, sizeof text, ", %.0f %%, about %.1f s left", 100 * done, elapsed_s * (1 / done - 1));
    return text;
}

}  // namespace

std::string import_progress_line(ImportProgress const& p, double elapsed_s) {
    double const done = p.size ? double(p.read.bytes_read) / double(p.size) : 0;
    return grouped(p.read.rows_read) + " rows read, " + grouped(p.read.rows_valid) + " valid, " +
           grouped(p.rows_stored) + " stored" + how_far(done, elapsed_s);
}

}  // namespace hazeguard::service
