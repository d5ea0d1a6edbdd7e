#pragma once
/// @file args.hpp
/// @brief "--name value" command-line options, with unknown options reported.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace hazeguard::cli {

class Args {
public:
    /// @brief Parses `argv` from `first`; `flags` take no value. Throws std::invalid_argument.
    Args(int argc, char** argv, int first, std::set<std::string> const& options, std::set<std::string> const& flags = {}) {
        for (int i = first; i < argc; ++i) {
            std::string a = argv[i];
            if (flags.count(a)) {
                values_[a] = "1";
            } else if (options.count(a)) {
                if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
                values_[a] = argv[++i];
            } else if (a.rfind("--", 0) == 0) {
                throw std::invalid_argument("unknown option " + a);
            } else {
                positional_.push_back(a);
            }
        }
    }
    std::optional<std::string> get(std::string const& name) const {
        auto it = values_.find(name);
        return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    std::string get_or(std::string const& name, std::string fallback) const { return get(name).value_or(fallback); }
    bool flag(std::string const& name) const { return values_.count(name) > 0; }
    std::vector<std::string> const& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

}  // namespace hazeguard::cli
