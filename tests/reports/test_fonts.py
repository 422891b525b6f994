"""Charts render Chinese on a machine that has only Python, whatever matplotlib cached before."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from bot.config import ROOT
from bot.reports.fonts import FAMILY, font_path

# A child process with its own matplotlib cache directory whose font list was written on a machine
# without any CJK font (the cache a first run leaves before fonts-noto-cjk is installed), and no
# system fonts at all: only the font the project ships can draw the labels.
STALE_CACHE_CHART = textwrap.dedent("""
    import warnings
    warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a warning: make it fail
    import matplotlib
    from matplotlib import font_manager
    font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist
                                        if f.fname.startswith(matplotlib.get_data_path())]
    from datetime import datetime, timezone
    from bot.reports.chart import summary_chart
    from bot.reports.fonts import chart_font
    from bot.reports.stats import Stats, UnitFigures
    moment = datetime(2026, 11, 30, tzinfo=timezone.utc)
    stats = Stats(start=moment, end=moment, new_by_source={"hongwang": 3, "douyin": 1},
                  units=[UnitFigures(unit="示例县东湖街道办事处", assigned=3, closed=2, overdue_open=1)])
    png = summary_chart(stats, "日报 2026-11-30（示例县网信办）")
    assert png.startswith(b"\\x89PNG")
    print(chart_font())
""")


def test_chart_draws_chinese_with_the_shipped_font_despite_a_stale_cache(tmp_path: Path) -> None:
    assert font_path() is not None, "pylopdf-fonts-zh-cn is in requirements.txt"
    env = {"PATH": "/nonexistent", "MPLCONFIGDIR": str(tmp_path / "mpl"), "HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", STALE_CACHE_CHART], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == FAMILY
