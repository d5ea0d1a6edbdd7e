// ack_curve_chart and its axis (declared in charts.hpp).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "engine/report/charts.hpp"
#include "engine/report/charts_svg.hpp"

namespace hazeguard::engine::report {
namespace {
using svg::Point;

constexpr char const* kDeadlineColour = "#c0392b";
constexpr std::array<char const*, 6> kCurveColours{"#1f4e9c", "#d35400", "#1e8449", "#8e44ad", "#7f8c8d", "#2e86c1"};
constexpr std::array<double, 9> kHourSteps{0.5, 1, 2, 3, 4, 6, 12, 24, 48};
constexpr double kMaxHourTicks = 12;

double unrounded_hour_max(std::vector<AckCurve> const& curves, double deadline_hours) {
    double latest = std::max(2 * deadline_hours, 1.0);
    for (auto const& curve : curves) {
        for (auto const& point : curve.points) latest = std::max(latest, point.minutes / 60);
    }
    return latest;
}

double hour_step(double hour_max) {
    auto const fits = std::find_if(kHourSteps.begin(), kHourSteps.end(), [&](double step) { return hour_max / step <= kMaxHourTicks; });
    return fits != kHourSteps.end() ? *fits : std::ceil(hour_max / kMaxHourTicks / 24) * 24;
}

std::string hours_text(double hours) {
    return hours == std::floor(hours) ? std::to_string(static_cast<long long>(hours)) : svg::num(hours);
}

class AckScale {
public:
    explicit AckScale(double hour_max) : hour_max_(hour_max) {}
    double x(double hours) const { return kPlotArea.left + hours / hour_max_ * kPlotArea.width(); }
    static double y(double share) { return kPlotArea.bottom - share * kPlotArea.height(); }

private:
    double hour_max_;
};

void draw_axes(svg::Writer& out, AckScale const& scale, double hour_max, double step) {
    std::string const grid = std::string("stroke=\"") + svg::kGridColour + "\" stroke-width=\"1\"";
    for (int percent = 0; percent <= 100; percent += 20) {
        double const y = AckScale::y(percent / 100.0);
        if (percent > 0) out.line({kPlotArea.left, y}, {kPlotArea.right, y}, grid);
        svg::draw_left_label(out, y, std::to_string(percent) + "%");
    }
    for (double hour = 0; hour <= hour_max + 1e-9; hour += step) {
        if (hour > 0) out.line({scale.x(hour), kPlotArea.top}, {scale.x(hour), kPlotArea.bottom}, grid);
        svg::draw_bottom_label(out, scale.x(hour), hours_text(hour));
    }
    out.text({kPlotArea.right, kPlotArea.bottom + 34}, "下达后小时数", "text-anchor=\"end\" fill=\"#444444\"");
    svg::draw_frame(out);
    svg::draw_vertical_title(out, "累计签收比例");
}

void draw_deadline(svg::Writer& out, AckScale const& scale, double deadline_hours) {
    double const x = scale.x(deadline_hours);
    std::string const colour = kDeadlineColour;
    out.open_group("class=\"deadline\"");
    out.line({x, kPlotArea.top}, {x, kPlotArea.bottom}, "stroke=\"" + colour + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"");
    out.text({x + 4, kPlotArea.bottom - 8}, "签收时限 " + hours_text(deadline_hours) + " 小时", "fill=\"" + colour + "\" font-size=\"11\"");
    out.close_group();
}

/// A cumulative curve as steps: flat until each point's minute, then up to its share.
void draw_curve(svg::Writer& out, AckScale const& scale, AckCurve const& curve, std::string const& colour) {
    std::vector<Point> steps;
    double share = 0;
    for (auto const& point : curve.points) {
        double const x = scale.x(point.minutes / 60);
        steps.emplace_back(x, AckScale::y(share));
        share = point.share;
        steps.emplace_back(x, AckScale::y(share));
    }
    out.polyline(steps, "class=\"ack-curve\" stroke=\"" + colour + "\" stroke-width=\"2\"");
}

}  // namespace

double ack_axis_max_hours(std::vector<AckCurve> const& curves, double deadline_hours) {
    double const hour_max = unrounded_hour_max(curves, deadline_hours);
    double const step = hour_step(hour_max);
    return std::ceil(hour_max / step) * step;
}

std::string ack_curve_chart(std::vector<AckCurve> const& curves, double deadline_hours) {
    double const hour_max = ack_axis_max_hours(curves, deadline_hours);
    AckScale const scale(hour_max);
    svg::Writer out("各批次企业指令累计签收比例");
    draw_axes(out, scale, hour_max, hour_step(unrounded_hour_max(curves, deadline_hours)));
    draw_deadline(out, scale, deadline_hours);
    std::vector<svg::LegendItem> legend;
    for (std::size_t i = 0; i < curves.size(); ++i) {
        std::string const colour = kCurveColours[i % kCurveColours.size()];
        draw_curve(out, scale, curves[i], colour);
        legend.push_back({svg::Symbol::line, colour, curves[i].label_cn});
    }
    legend.push_back({svg::Symbol::dashed_line, kDeadlineColour, "签收时限"});
    svg::draw_legend(out, legend);
    return std::move(out).finish();
}

}  // namespace hazeguard::engine::report
