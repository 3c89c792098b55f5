"""The report's bar chart, drawn on the server as SVG: one bar a month. No script and nothing
from another site; the table under it holds the same numbers for screen readers and for
copying (the SVG is an image with a name and a description)."""

from dataclasses import dataclass

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 12, 28  # room for the scale and the month names
GAP = 0.25  # share of each month's slot left empty between bars


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the month, under the bar
    value: int
    label_x: float


@dataclass(frozen=True)
class Line:
    y: float
    value: float  # 2.5 on a scale to 5


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    baseline: float
    bars: list
    lines: list


def nice_top(value):
    """The smallest 1, 2 or 5 × 10^n at or above ``value`` (at least 1): the scale's top."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(values, labels):
    """Geometry of a bar chart of ``values`` (one per label), on a 0 … nice_top scale with
    lines at 0, the half and the top."""
    top = nice_top(max(values, default=0))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height
    slot = plot_width / max(len(values), 1)
    bars = []
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        height = plot_height * value / top
        x = LEFT + index * slot + slot * GAP / 2
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(baseline - height, 1),
                width=round(slot * (1 - GAP), 1),
                height=round(height, 1),
                label=label,
                value=value,
                label_x=round(LEFT + (index + 0.5) * slot, 1),
            )
        )
    lines = [
        Line(y=round(baseline - plot_height * half / 2, 1), value=top * half / 2)
        for half in range(3)
    ]
    return Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, baseline, bars, lines)
