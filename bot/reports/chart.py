"""The summary chart: matplotlib PNG with Chinese labels, well under the platforms' 2 MB image limit.

No CJK font ships on PyPI in a form we can pin, so we look for one installed on the system
(Noto Sans CJK from Debian's fonts-noto-cjk, which deploy/CI install; WenQuanYi; Source Han;
SimHei / Microsoft YaHei on Windows). Without one the chart still renders, with missing glyphs,
and ``cjk_font()`` returns None so callers can say so.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache

from bot.reports.stats import Stats
from bot.sources import label as source_label

log = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
CANDIDATES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
              "SimHei", "Microsoft YaHei", "PingFang SC", "Noto Serif CJK SC")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CANDIDATES:
        if name in installed:
            return name
    log.warning("no CJK font found: chart labels will not render (apt-get install fonts-noto-cjk)")
    return None


def summary_chart(stats: Stats, title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    font = cjk_font()
    rc = {"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"], "axes.unicode_minus": False}
    with matplotlib.rc_context(rc):  # type: ignore[arg-type]
        fig = Figure(figsize=(9, 4.2), dpi=100)
        left, right = fig.subplots(1, 2)
        sources = sorted(stats.new_by_source.items(), key=lambda kv: -kv[1])
        left.bar([source_label(k) for k, _ in sources] or ["无"], [v for _, v in sources] or [0], color="#3b7dd8")
        left.set_title("新增留言（按来源）")
        units = sorted((u for u in stats.units if u.assigned or u.closed or u.overdue_open),
                       key=lambda u: -(u.closed + u.overdue_open))[:8]
        names = [u.unit.replace("示例县", "")[:8] for u in units]
        right.barh(names, [u.closed for u in units], color="#2e9d5b", label="办结")
        right.barh(names, [u.overdue_open for u in units], left=[u.closed for u in units], color="#d83b3b",
                   label="超期未结")
        right.invert_yaxis()
        right.set_title("各单位办理情况")
        if units:
            right.legend(loc="lower right", fontsize=8)
        fig.suptitle(title)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
    data = buffer.getvalue()
    if len(data) > MAX_BYTES:  # cannot happen at this size; guard the platform limit anyway
        raise ValueError(f"chart is {len(data)} bytes, over the 2 MB image limit")
    return data
