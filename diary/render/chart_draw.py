"""Charts drawn with matplotlib into SVG or PNG bytes, the same bytes for the same data.

matplotlib is imported here only, when a chart is drawn, so no other command pays for it.
Determinism: a fixed SVG hash salt, no date or creator metadata, text kept as text (so the
SVG is small and its labels searchable). Every bar, line and cell carries a gid naming its
series (`s0`, `s0-3`), which tests read instead of pixels. The charts carry their own light
card background with dark text and an Okabe-Ito palette, so they read the same on a light
or a dark page and for colour-blind readers.
"""

import re
from html import escape
from io import BytesIO
from typing import TYPE_CHECKING, Any

from diary.render.charts import Chart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

BACKGROUND = "#fbfaf7"
INK = "#222222"
GRID = "#d9d6cf"
DASHES = ("-", "--", ":", "-.")  # overlapping lines stay told apart
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SETTINGS: dict[str, Any] = {
    "svg.hashsalt": "diary",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "path.simplify": False,
}
FORMATS = ("svg", "png")


def draw(chart: Chart, fmt: str) -> bytes:
    """The chart as `svg` or `png` bytes."""
    import matplotlib

    with matplotlib.rc_context(SETTINGS):  # type: ignore[arg-type]
        figure = _figure(chart)
        out = BytesIO()
        if fmt == "svg":
            from matplotlib.backends.backend_svg import FigureCanvasSVG

            FigureCanvasSVG(figure).print_svg(out, metadata={"Date": None, "Creator": None})
            return _with_alt(out.getvalue().decode("utf-8"), chart).encode("utf-8")
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(figure).print_png(
            out,
            metadata={"Software": None, "Title": chart.title, "Description": chart.alt},
        )
        return out.getvalue()


def _figure(chart: Chart) -> "Figure":
    from matplotlib.figure import Figure

    rows = max(len(chart.series), 1)
    height = 4.2 if chart.style != "strip" else 1.6 + 0.45 * rows
    figure = Figure(figsize=(8, height), dpi=100, facecolor=BACKGROUND)
    axes = figure.add_subplot()
    axes.set_facecolor(BACKGROUND)
    axes.set_title(chart.title, loc="left", fontsize=12, fontweight="bold")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    {"bars": _bars, "lines": _lines, "strip": _strip}[chart.style](axes, chart)
    if chart.y_label:
        axes.set_ylabel(chart.y_label)
    if len(chart.series) > 1 and chart.style != "strip":
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    figure.tight_layout()
    return figure


def _bars(axes: Any, chart: Chart) -> None:
    count = max(len(chart.series), 1)
    width = 0.8 / count
    positions = range(len(chart.categories))
    for i, series in enumerate(chart.series):
        offset = (i - (count - 1) / 2) * width
        bars = axes.bar(
            [p + offset for p in positions],
            series.values,
            width=width,
            color=PALETTE[i % len(PALETTE)],
            label=series.name,
        )
        for j, bar in enumerate(bars):
            bar.set_gid(f"s{i}-{j}")
    count = len(chart.categories)
    # At most 24 labels; over years of months, a whole number of years apart.
    step = 1 if count <= 24 else 12 * max(1, -(-count // (12 * 24)))
    shown = list(positions)[::step]
    axes.set_xticks(
        shown, [chart.categories[p] for p in shown], rotation=45 if len(shown) > 12 else 0
    )
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)


def _lines(axes: Any, chart: Chart) -> None:
    from datetime import date

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    for i, series in enumerate(chart.series):
        days = [date.fromisoformat(x) for x in series.xs]
        (line,) = axes.step(
            days,
            series.values,
            where="post",
            color=PALETTE[i % len(PALETTE)],
            linewidth=2,
            linestyle=DASHES[i % len(DASHES)],
            label=series.name,
        )
        line.set_gid(f"s{i}")
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylim(bottom=0)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    if not chart.series or not any(s.xs for s in chart.series):
        axes.text(
            0.5, 0.5, "No dated viewings of nominees yet", ha="center", transform=axes.transAxes
        )


def _strip(axes: Any, chart: Chart) -> None:
    from matplotlib.colors import LinearSegmentedColormap

    shades = LinearSegmentedColormap.from_list("seen", ["#e8e4da", PALETTE[0]])
    for i, series in enumerate(chart.series):
        cells = axes.bar(
            range(len(series.values)),
            [0.9] * len(series.values),
            bottom=i - 0.45,
            width=1.0,
            color=[shades(v) for v in series.values],
            linewidth=0,
        )
        for j, cell in enumerate(cells):
            cell.set_gid(f"s{i}-{j}")
    axes.set_yticks(range(len(chart.series)), [s.name for s in chart.series])
    axes.set_ylim(len(chart.series) - 0.5, -0.5)
    ticks = [
        j for j, label in enumerate(chart.categories) if label.isdigit() and int(label) % 10 == 1
    ]
    axes.set_xticks(ticks, [chart.categories[j] for j in ticks])
    axes.set_xlabel("Ceremony (darker: more of its nominees seen)")
    axes.set_xlim(-0.5, max(len(chart.categories), 1) - 0.5)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)


def _with_alt(svg: str, chart: Chart) -> str:
    """Name the picture for screen readers: role, a title and the alt text as description."""
    opening = re.search(r"<svg\b[^>]*>", svg)
    assert opening is not None
    tag = opening.group(0)
    labelled = tag[:-1] + ' role="img" aria-labelledby="chart-title chart-desc">'
    described = (
        f'\n <title id="chart-title">{escape(chart.title)}</title>'
        f'\n <desc id="chart-desc">{escape(chart.alt)}</desc>'
    )
    return svg[: opening.start()] + labelled + described + svg[opening.end() :]
