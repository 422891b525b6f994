"""回复网民 through the simulator and the dashboard: a draft from the unit's 办结 text, edited, marked
posted (where, when), counted in the figures and shown on the case page. And 批示 records its 批示人."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.reports.stats import compute_stats
from bot.reports.summary import summary_text
from bot.reports.yearly import report_text
from models import Case, CaseEvent, CitizenReply
from tests.reminders.conftest import at, set_now
from tests.support import SimulatorClient, drain, newest
from tests.web.helpers import csrf_from, login, make_users

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话13812345678"
CLOSING = "已督促物业公司将垃圾全部清运，并增加每日清扫频次，已电话回复网民（13812345678）。联系人：何慧，联系电话：0731-84561234"


def _closed_case(sim: SimulatorClient) -> str:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 东湖街道")
    number = newest(sim.services, Case).number
    sim.send("g-donghu", "hehui", f"已办结 {CLOSING}")
    return number


def test_draft_edit_post_count_and_show(sim: SimulatorClient, app: Any) -> None:
    services = sim.services
    set_now(services, at("2026-11-30 10:00"))
    number = _closed_case(sim)
    notice = sim.last_bot_text("office")
    assert notice.startswith(f"【办结】{number}") and f"回复“回复网民 {number}”查看、修改" in notice

    sim.send("office", "zhaolei", "回复网民")
    draft = sim.last_bot_text("office")
    assert draft.startswith(f"{number} 回复网民稿")
    assert "网民朋友：您好！" in draft
    assert "您反映的“东湖街道东湖路幸福小区物业不作为" in draft and "”问题已收悉。" in draft
    assert "经东湖街道办事处调查处理，已督促物业公司将垃圾全部清运，并增加每日清扫频次，已电话回复网民（138****5678）。" in draft
    assert "如有疑问，请联系东湖街道办事处何慧（电话：0731-84561234）。" in draft  # the unit's own contact
    assert "13812345678" not in draft and "1381234" not in draft and "2026年11月30日" in draft
    assert f"已回复网民 {number} 平台或链接 [时间]" in draft

    edited = "网民朋友您好。您反映的幸福小区垃圾问题已处理完毕。如有疑问请致电0731-84561234。示例县东湖街道办事处"
    sim.send("office", "zhaolei", f"回复网民 {number} {edited}")
    assert sim.last_bot_text("office").startswith(f"已更新 {number} 的回复网民稿：\n{edited}")
    sim.send("office", "zhaolei", f"已回复网民 {number} 红网百姓呼声 09:40")
    assert sim.last_bot_text("office") == f"已记录 {number} 已回复网民：红网百姓呼声，2026-11-30 09:40。"
    sim.send("office", "zhaolei", f"已回复网民 {number} 红网 23:50")  # a time still to come
    assert "发布时间不能晚于现在" in sim.last_bot_text("office")

    # A follow-up reply (the county replied 3,211 times to 2,002 messages): a new draft, posted now.
    set_now(services, at("2026-11-30 16:00"))
    sim.send("office", "wangmin", f"已回复网民 {number} https://wz.rednet.cn/reply/123")
    assert "https://wz.rednet.cn/reply/123，2026-11-30 16:00" in sim.last_bot_text("office")

    with services.sessions() as session:
        replies = list(session.scalars(select(CitizenReply).order_by(CitizenReply.id)))
        assert [(r.state, r.posted_where) for r in replies] == [("posted", "红网百姓呼声"),
                                                                 ("posted", "https://wz.rednet.cn/reply/123")]
        assert replies[0].text == edited and replies[0].posted_by_label == "赵磊"
        stats = compute_stats(session, at("2026-11-30 00:00"), at("2026-12-01 00:00"), services.clock.now())
    assert (stats.citizen_replies, stats.citizen_replied_cases) == (2, 1)
    assert "回复网民 2 条（1 件留言）" in summary_text(stats, "日报 2026-11-30")
    assert "回复网民: 2" in report_text(stats) and "已回复留言: 1" in report_text(stats)

    sim.send("office", "wangmin", f"查 {number}")
    assert "回复网民: 2 条（红网百姓呼声 2026-11-30 09:40；https://wz.rednet.cn/reply/123 2026-11-30 16:00）" \
        in sim.last_bot_text("office")

    make_users(services)
    client = app.test_client()
    login(client, "admin")
    case_id = newest(services, Case).id
    page = client.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert "回复网民" in page and "已发布</b> · 红网百姓呼声 · 2026-11-30 09:40 · 赵磊" in page
    assert edited in page


def test_reply_on_the_dashboard_and_refusals(sim: SimulatorClient, app: Any) -> None:
    services = sim.services
    set_now(services, at("2026-11-30 10:00"))
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 东湖街道")
    number = newest(services, Case).number
    sim.send("office", "zhaolei", f"回复网民 {number}")
    assert "承办单位办结后再回复网民" in sim.last_bot_text("office")
    sim.send("g-donghu", "hehui", f"回复网民 {number}")
    assert "无权" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", f"已办结 {CLOSING}")

    make_users(services)
    case_id = newest(services, Case).id
    viewer = app.test_client()
    login(viewer, "viewer")
    page = viewer.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert "经东湖街道办事处调查处理" in page and 'id="reply-form"' not in page  # sees the draft, cannot post
    assert viewer.post(f"/dashboard/cases/{case_id}/actions/post_reply",
                       data={"csrf_token": csrf_from(page), "where": "红网"}).status_code == 403

    client = app.test_client()
    login(client, "disp")
    page = client.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert 'id="reply-form"' in page and "经东湖街道办事处调查处理" in page
    token = csrf_from(page)
    response = client.post(f"/dashboard/cases/{case_id}/actions/save_reply",
                           data={"csrf_token": token, "text": "您好！问题已解决。东湖街道办事处"}, follow_redirects=True)
    assert "已更新" in response.get_data(as_text=True)
    response = client.post(f"/dashboard/cases/{case_id}/actions/post_reply",
                           data={"csrf_token": token, "text": "您好！问题已解决，谢谢。东湖街道办事处", "where": "问政湖南",
                                 "posted_at": "2026-11-30T09:30"}, follow_redirects=True)
    assert "已记录" in response.get_data(as_text=True)
    drain(services)
    with services.sessions() as session:
        reply = session.scalar(select(CitizenReply))
        assert reply is not None and reply.state == "posted" and reply.posted_where == "问政湖南"
        assert reply.text == "您好！问题已解决，谢谢。东湖街道办事处" and reply.posted_by_label == "web:disp"
        assert services.deadlines.local(reply.posted_at).strftime("%m-%d %H:%M") == "11-30 09:30"
        assert session.scalar(select(CaseEvent.text).where(CaseEvent.kind == "citizen_reply")) == "已回复网民（问政湖南）"


def test_instruction_records_the_leader(sim: SimulatorClient, app: Any) -> None:
    services = sim.services
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 住建局")
    number = newest(services, Case).number
    sim.send("office", "wangmin", f"批示 {number} 张书记：请住建局三天内答复")
    assert sim.last_bot_text("office") == f"已记录张书记对 {number} 的批示，并推送至承办单位。"
    pushed = sim.last_bot_text("g-zhujian")
    assert pushed.startswith(f"【领导批示】{number}") and "批示人: 张书记\n批示: 请住建局三天内答复" in pushed
    # Without a leader it is still recorded, and the reply shows how to name one.
    sim.send("office", "wangmin", f"批示 {number} 请注意：三天内答复")
    assert f"未注明批示人；可写作：批示 {number} 张书记：批示内容" in sim.last_bot_text("office")
    with services.sessions() as session:
        events = list(session.scalars(select(CaseEvent).where(CaseEvent.kind == "instruction").order_by(CaseEvent.id)))
        assert [(e.data.get("leader"), e.text.replace(":", "："), e.actor_label) for e in events] == [
            ("张书记", "张书记：请住建局三天内答复", "王敏"), (None, "请注意：三天内答复", "王敏")]
    sim.send("office", "wangmin", "帮助")
    assert "批示 张书记：内容" in sim.last_bot_text("office")

    make_users(services)
    client = app.test_client()
    login(client, "admin")
    case_id = newest(services, Case).id
    page = client.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert 'name="leader"' in page and "<b>张书记</b>：请住建局三天内答复（王敏 录入）" in page
    client.post(f"/dashboard/cases/{case_id}/actions/instruct",
                data={"csrf_token": csrf_from(page), "leader": "李县长", "text": "同意住建局意见"})
    page = client.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert "<b>李县长</b>：同意住建局意见（web:admin 录入）" in page
    drain(services)
    assert "批示人: 李县长" in sim.last_bot_text("g-zhujian")


def test_a_landline_written_right_after_the_contacts_name_is_the_contacts() -> None:
    # Units often write the contact without a phone label: "联系人王科长 0731-1234567".
    from datetime import datetime

    from bot.cases.citizen_replies import draft_text
    from models import Unit

    case = Case(title="东湖路路灯坏了", author=None, lead_unit=Unit(name="示例县城市管理局"))
    text = draft_text(case, "已联系施工单位修复路灯，联系人王科长 0731-1234567", datetime(2026, 12, 1, 10, 0))
    assert "经示例县城市管理局调查处理，已联系施工单位修复路灯。" in text, text
    assert "如有疑问，请联系示例县城市管理局王科长（电话：0731-1234567）。" in text, text
