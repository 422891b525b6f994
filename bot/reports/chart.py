"""The summary chart: matplotlib PNG with Chinese labels, well under the platforms' 2 MB image limit.

The Chinese font is the one the project ships (bot/reports/fonts.py), registered by path in each
process: the chart looks the same on a machine with nothing but Python, whatever fonts the system
has and whatever matplotlib cached on an earlier run.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from bot.cases.sources import label as source_label
from bot.reports.fonts import chart_font
from bot.reports.stats import Stats

log = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024


def summary_chart(stats: Stats, title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    font = chart_font()
    # Noto Sans SC has Latin and digits too; DejaVu Sans (inside matplotlib) is the fallback per glyph.
    rc = {"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"], "axes.unicode_minus": False}
    with matplotlib.rc_context(rc):  # type: ignore[arg-type]
        from matplotlib.ticker import MaxNLocator

        fig = Figure(figsize=(9, 4.2), dpi=100)
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.3]})
        sources = sorted(stats.new_by_source.items(), key=lambda kv: -kv[1])
        left.set_title("新增留言（按来源）")
        if sources:
            # Horizontal bars: source names like 红网百姓呼声 overlap as x tick labels.
            left.barh([source_label(k) for k, _ in sources], [v for _, v in sources], color="#3b7dd8")
            left.invert_yaxis()
            left.xaxis.set_major_locator(MaxNLocator(integer=True))
        else:
            _empty(left, "本期无新增留言")
        units = sorted((u for u in stats.units if u.assigned or u.closed or u.overdue_open),
                       key=lambda u: -(u.assigned + u.closed + u.overdue_open))[:8]
        right.set_title("各单位办理情况")
        if units:
            names = [u.unit.replace("示例县", "")[:8] for u in units]
            rows = range(len(units))
            height = 0.27
            for shift, values, color, label in (
                (-height, [u.assigned for u in units], "#3b7dd8", "新派"),
                (0.0, [u.closed for u in units], "#2e9d5b", "办结"),
                (height, [u.overdue_open for u in units], "#d83b3b", "超期未结"),
            ):
                right.barh([r + shift for r in rows], values, height=height, color=color, label=label)
            right.set_yticks(list(rows), names)
            right.invert_yaxis()
            right.xaxis.set_major_locator(MaxNLocator(integer=True))
            right.legend(loc="lower right", fontsize=8)
        else:
            _empty(right, "本期无派发、办结或超期工单")
        fig.suptitle(title)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    data = buffer.getvalue()
    if len(data) > MAX_BYTES:  # cannot happen at this size; guard the platform limit anyway
        raise ValueError(f"chart is {len(data)} bytes, over the 2 MB image limit")
    return data


def _empty(axes: Any, message: str) -> None:
    """A blank panel that says why, instead of axes with meaningless ±0.04 ticks."""
    axes.text(0.5, 0.5, message, ha="center", va="center", color="#777777", transform=axes.transAxes)
    axes.set_xticks([])
    axes.set_yticks([])
