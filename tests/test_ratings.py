"""Every rating counts, a 不满意 included after the reopening it causes; the units hear the citizen's
reason; 红榜/黑榜 weigh reopenings and 不满意. Through the simulator, the daily summary, the yearly
report's figures and the dashboard."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.reports.stats import compute_stats
from bot.reports.summary import summary_tick
from bot.reports.yearly import report_text
from tests.reminders.conftest import at, chat, set_now
from tests.support import SimulatorClient, drain, newest
from tests.web.helpers import login, make_users

GARBAGE = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，楼道里气味难闻"
STALLS = "东湖路菜市场门口占道经营摆摊严重，早晚噪音扰民，行人只能走机动车道"


def _case(sim: SimulatorClient, post: str, unit: str) -> str:
    from models import Case

    sim.send("office", "zhaolei", post)
    sim.send("office", "zhaolei", f"派 {unit}")
    return newest(sim.services, Case).number


def test_every_rating_counts_and_the_rankings_see_reopenings(sim: SimulatorClient, app: Any) -> None:
    services = sim.services
    set_now(services, at("2026-11-30 10:00"))
    garbage, stalls = _case(sim, GARBAGE, "东湖街道"), _case(sim, STALLS, "城管局")
    sim.send("g-donghu", "hehui", f"已办结 {garbage} 已清理")

    sim.send("office", "wangmin", f"评价 不满意 {garbage}")
    assert "不满意须写明网民的意见" in sim.last_bot_text("office")
    sim.send("office", "wangmin", f"评价 不满意 {garbage} 网民反映楼道里仍有垃圾")
    assert "工单已重新交办" in sim.last_bot_text("office")
    told = sim.last_bot_text("g-donghu")
    assert told.startswith(f"【网民不满意·重新办理】{garbage}\n网民意见: 网民反映楼道里仍有垃圾\n办理时限")

    sim.send("g-chengguan", "wutao", f"已办结 {stalls} 已取缔占道摊点")
    sim.send("office", "wangmin", f"评价 满意 {stalls}")
    day = (at("2026-11-30 00:00"), at("2026-12-01 00:00"))
    with services.sessions() as session:
        stats = compute_stats(session, *day, services.clock.now())
    # Before: the 不满意 vanished with the reopening (暂无评价, then 100.0% after one 满意 elsewhere).
    assert stats.satisfaction == {"满意": 1, "不满意": 1} and stats.satisfaction_rate == 50.0

    # The reopened case is closed again and rated; a second rating of the same closing corrects it.
    set_now(services, at("2026-11-30 15:00"))
    sim.send("g-donghu", "hehui", f"已办结 {garbage} 楼道垃圾已全部清运")
    sim.send("office", "wangmin", f"评价 基本满意 {garbage}")
    sim.send("office", "wangmin", f"评价 满意 {garbage} 网民致谢")
    with services.sessions() as session:
        stats = compute_stats(session, *day, services.clock.now())
    assert stats.satisfaction == {"满意": 2, "不满意": 1} and stats.satisfaction_rate == 66.7
    yearly = report_text(stats)
    assert "满意率: 66.7%" in yearly
    donghu = next(u for u in stats.units if u.unit == "东湖街道办事处")
    assert (donghu.closed, donghu.on_time, donghu.reopened, donghu.unsatisfied) == (1, 1, 1, 1)
    best, worst = stats.ranking()
    assert [u.unit for u in best] == ["示例县城市管理局"]  # 东湖 closed on time too, but was sent back
    assert [u.unit for u in worst] == ["东湖街道办事处"]

    sim.send("office", "wangmin", f"查 {garbage}")
    assert "评价: 不满意（网民反映楼道里仍有垃圾） → 满意（网民致谢）" in sim.last_bot_text("office")

    set_now(services, at("2026-12-01 09:01"))
    summary_tick(services)
    drain(services)
    [daily] = [m.text for m in chat(services, "office") if m.text.startswith("【日报 2026-11-30】")]
    assert "满意度: 满意 2，基本满意 0，不满意 1（满意率 66.7%）" in daily
    assert "红榜: 示例县城市管理局（按期办结 100%）" in daily
    assert "黑榜: 东湖街道办事处（重办 1 次，不满意 1 件）" in daily

    make_users(services)
    client = app.test_client()
    login(client, "admin")
    page = client.get("/dashboard/stats?from=2026-11-30&to=2026-11-30").get_data(as_text=True)
    assert "满意 2 件；不满意 1 件" in page and "66.7%" in page and "3 件评价" in page
    rows = page.split('<table id="ranking">')[1]
    assert rows.index("示例县城市管理局") < rows.index("东湖街道办事处")
    case_page = client.get(f"/dashboard/cases?q={garbage}").get_data(as_text=True)
    assert garbage in case_page


def test_ratings_before_the_upgrade_are_kept(database_url: str) -> None:
    """The migration rebuilds one rating per rated closing from the history, 不满意 included."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import insert, select

    from bot.config import ROOT
    from bot.db import make_engine
    from models import CaseEvent, CaseRating

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "0003")
    engine = make_engine(database_url)
    now = at("2026-11-30 10:00")
    try:
        with engine.begin() as conn:
            conn.execute(insert(CaseEvent.__table__.metadata.tables["units"]),
                         [dict(code="u", name="东湖街道办事处", aliases=[], keywords=[], categories=[], places=[],
                               is_office=False, chats={}, robots={}, active=True)])
            conn.execute(insert(CaseEvent.__table__.metadata.tables["cases"]), [dict(
                number="DB-20261130-0001", status="closed", source_platform="other", title="t", body="b",
                request_type="投诉", urgent=False, supervised=False, lead_unit_id=1, proposal={}, repeat_count=0,
                reopen_count=1, satisfaction="满意", created_at=now, updated_at=now)])
            conn.execute(insert(CaseEvent.__table__), [
                dict(case_id=1, kind=kind, text=text, data={}, channel="chat", created_at=now + timedelta(minutes=i))
                for i, (kind, text) in enumerate([("rated", "不满意"), ("reopen", "网民不满意"), ("rated", "基本满意"),
                                                  ("rated", "满意")])])
        command.upgrade(config, "head")
        with engine.connect() as conn:
            rows = conn.execute(select(CaseRating.round, CaseRating.level, CaseRating.unit_id)
                                .order_by(CaseRating.round)).all()
            reopen_unit = conn.execute(select(CaseEvent.unit_id).where(CaseEvent.kind == "reopen")).scalar()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [(0, "不满意", 1), (1, "满意", 1)]
    assert reopen_unit == 1
