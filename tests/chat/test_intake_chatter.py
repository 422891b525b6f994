"""Only forwarded posts become cases: chatter and mistyped commands in the intake chat get a one-line
hint; a link, a long text, a complaint-shaped text and a quoted post are forwards."""

from __future__ import annotations

from sqlalchemy import func, select

from models import Case
from tests.support import SimulatorClient, newest


def _cases(sim: SimulatorClient) -> int:
    with sim.services.sessions() as session:
        return session.scalar(select(func.count(Case.id))) or 0


def test_chatter_is_not_a_case(sim: SimulatorClient) -> None:
    for text in ("好的，收到", "收到，我跟进一下", "明天上午开会", "谢谢！", "ok"):
        sim.send("office", "zhaolei", text)
        assert "不像网民留言，未建单" in sim.last_bot_text("office"), text
    sim.send("dm:zhaolei", "zhaolei", "好的")  # 1:1 with the bot is an intake chat too
    assert "未建单" in sim.last_bot_text("dm:zhaolei")
    assert _cases(sim) == 0


def test_posts_are_cases(sim: SimulatorClient) -> None:
    posts = [
        "幸福小区垃圾堆积发臭无人清运",  # short, but a problem at a place
        "https://weibo.com/1234567890/Pq9xYz 示例县12路公交",  # a link
        "我想问一下今年秋季入学报名在哪里办理，要带户口本和房产证吗，孩子今年六岁了，家住东湖街道",  # long
    ]
    for n, text in enumerate(posts, 1):
        sim.send("office", "zhaolei", text)
        assert "已建工单" in sim.last_bot_text("office"), text
        sim.send("office", "zhaolei", f"作废 {newest(sim.services, Case).number} 测试")
        assert _cases(sim) == n


def test_a_quoted_post_is_the_forward(sim: SimulatorClient) -> None:
    post = "东湖路幸福小区门口的下水道堵了一个星期，污水漫到路上，请尽快疏通"
    sim.send("office", "zhaolei", "建单", quoted=post)  # the platform marks a quote of someone's message
    assert "已建工单" in sim.last_bot_text("office")
    assert newest(sim.services, Case).body == post


def test_mistyped_correction_lists_the_fields(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", "改 留言人 张三")
    reply = sim.last_bot_text("office")
    assert "不能修改“留言人”" in reply and "标题、地点、网民、来源、类型、分类、链接、留言对象" in reply
    assert _cases(sim) == 0
    sim.send("office", "zhaolei", "东湖街道湖滨社区路灯坏了半个月，晚上一片漆黑，老人出行摔倒")
    sim.send("office", "zhaolei", "改 留言对象 住建局")
    assert "已修改留言对象" in sim.last_bot_text("office") and "留言对象: 住建局" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "改")
    assert "可修改的项目" in sim.last_bot_text("office")
    assert _cases(sim) == 1


def test_unit_groups_are_unchanged(sim: SimulatorClient) -> None:
    sim.send("g-donghu", "hehui", "好的，收到")
    assert "未识别的指令" in sim.last_bot_text("g-donghu")
