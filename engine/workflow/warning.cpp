#include "engine/workflow/warning.hpp"

#include "engine/workflow/warning_machine.hpp"

namespace hazeguard::engine {

std::string action_name(Action const& a) {
    static constexpr char const* kNames[] = {"issue",    "upgrade", "downgrade",       "extend",       "lift",
                                             "start_due", "end_due", "directive_start", "directive_end"};
    return kNames[a.index()];
}

struct Warning::Impl {
    detail::WarningMachine machine;
};

Warning::Warning(MachineSettings settings, WarningState state) : impl_(std::make_unique<Impl>()) {
    auto& m = impl_->machine;
    m.settings = settings;
    m.data = std::move(state);
    m.start();
    m.process_event(detail::Restore{});
}

Warning::~Warning() = default;
Warning::Warning(Warning const& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Warning& Warning::operator=(Warning const& other) {
    impl_ = std::make_unique<Impl>(*other.impl_);
    return *this;
}
Warning::Warning(Warning&&) noexcept = default;
Warning& Warning::operator=(Warning&&) noexcept = default;

Outcome Warning::handle(Action const& action) {
    auto& m = impl_->machine;
    WarningState const before = m.data;
    m.effects.clear();
    m.refusal.reset();
    auto const handled = std::visit([&](auto const& e) { return m.process_event(e); }, action);
    // MSM reports "every guard said no" as HANDLED_GUARD_REJECT without calling no_transition:
    // anything but HANDLED_TRUE is a refusal, recorded by a guard or, failing that, here.
    if (handled != boost::msm::back::HANDLED_TRUE) m.refuse_in_state(action);
    if (m.refusal) {
        m.data = before;
        return Outcome{false, {}, *m.refusal};
    }
    return Outcome{true, std::move(m.effects), {}};
}

Outcome Warning::try_handle(Action const& action) const {
    Warning copy(*this);
    return copy.handle(action);
}

WarningState const& Warning::state() const { return impl_->machine.data; }

}  // namespace hazeguard::engine
