"""The whole case lifecycle through the simulator's HTTP API, a real RQ worker, Redis and database."""

from __future__ import annotations

from sqlalchemy import func, select

from models import Case, CaseEvent, OutboundMessage, Reply
from tests.support import SimulatorClient, newest

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话13812345678"


def _case(sim: SimulatorClient) -> Case:
    return newest(sim.services, Case)


def test_forward_dispatch_sign_progress_extend_close_verify(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    card = sim.last_bot_text("office")
    assert "已建工单 DB-" in card and "待分派" in card
    assert "1. 东湖街道办事处" in card
    assert "138****5678" in card and "13812345678" not in card  # masked in the chat

    assert _case(sim).body == POST  # a one-line forward keeps its whole text as the body
    sim.send("office", "zhaolei", "派 东湖街道 协办 城管局")
    number = _case(sim).number
    lead_msgs = sim.bot_messages("g-donghu")
    assert lead_msgs and "【新工单·主办】" in lead_msgs[-1]["text"]
    assert [m["name"] for m in lead_msgs[-1]["mentions"]] == ["何慧"]
    assert "【新工单·协办】" in sim.last_bot_text("g-chengguan")
    assert "办理时限" in lead_msgs[-1]["text"]

    sim.send("g-donghu", "hehui", "签收")
    assert "已签收" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", "进展：已联系物业公司，明日清运")
    assert "已记录" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", "申请延期 3天 需协调环卫车辆")
    assert "待网信办审批" in sim.last_bot_text("g-donghu")
    assert "【延期申请】" in sim.last_bot_text("office")
    before = _case(sim).due_at
    sim.send("office", "wangmin", f"同意延期 {number}")
    assert "已同意" in sim.last_bot_text("office")
    after = _case(sim).due_at
    assert before is not None and after is not None and after > before

    sim.send("g-chengguan", "wutao", "已办结 已配合清理周边占道")
    assert "协办单位" in sim.last_bot_text("g-chengguan")
    assert _case(sim).status == "in_progress"
    sim.send("g-donghu", "hehui", "已办结 垃圾已全部清运，已电话回复网民")
    assert _case(sim).status == "closed"
    assert "【办结】" in sim.last_bot_text("office")
    sim.send("office", "wangmin", "核查通过")
    assert _case(sim).status == "verified"

    with sim.services.sessions() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        assert case is not None
        kinds = [e.kind for e in case.events]
        assert kinds[:2] == ["created", "dispatch"]
        assert {"sign", "progress", "extension_requested", "extension_approved", "co_finished", "close", "verify"} <= set(kinds)
        assert session.scalar(select(func.count(Reply.id)).where(Reply.case_id == case.id, Reply.kind == "final")) == 2
        assert session.scalar(select(func.count(OutboundMessage.id)).where(OutboundMessage.state != "sent")) == 0


def test_return_goes_back_to_dispatcher_and_redispatch(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 住建局")
    sim.send("g-zhujian", "sunjie", "退回")
    assert "退回须写明原因" in sim.last_bot_text("g-zhujian")
    assert _case(sim).status == "dispatched"
    sim.send("g-zhujian", "sunjie", "退回 不属于本单位职责，属街道管辖")
    assert _case(sim).status == "returned"
    assert "【退回】" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "派 东湖街道")
    case = _case(sim)
    assert case.status == "dispatched"
    assert "【新工单·主办】" in sim.last_bot_text("g-donghu")


def test_instruction_supervision_and_unsatisfied_reopens(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "1")
    number = _case(sim).number
    sim.send("office", "wangmin", f"批示 {number} 请街道主要负责同志亲自督办")
    assert "【领导批示】" in sim.last_bot_text("g-donghu")
    sim.send("office", "wangmin", f"督办 {number}")
    assert _case(sim).supervised
    sim.send("g-donghu", "hehui", "已办结 已清理")
    sim.send("office", "wangmin", f"评价 不满意 {number} 网民反映仍有垃圾")
    case = _case(sim)
    assert case.status == "in_progress" and case.reopen_count == 1 and case.satisfaction == "不满意"
    assert "【网民不满意·重新办理】" in sim.last_bot_text("g-donghu")


def test_permissions(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 东湖街道")
    number = _case(sim).number
    # A handler of another unit cannot close this unit's case.
    sim.send("g-zhujian", "sunjie", f"已办结 {number} 已处理")
    assert "不属于您的单位" in sim.last_bot_text("g-zhujian")
    assert _case(sim).status == "dispatched"
    # A handler cannot use office commands; a dispatcher cannot sign.
    sim.send("g-donghu", "hehui", f"核查通过 {number}")
    assert "无权" in sim.last_bot_text("g-donghu")
    sim.send("office", "zhaolei", "签收")
    assert "无权" in sim.last_bot_text("office")
    # Unknown senders are told to register; nothing is created.
    sim.send("office", "stranger", POST)
    assert "尚未登记" in sim.last_bot_text("office")
    with sim.services.sessions() as session:
        assert session.scalar(select(func.count(Case.id))) == 1


def test_bad_input_gets_a_clear_reply(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", "   ")
    assert "消息为空" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "长" * 20_001)
    assert "消息过长" in sim.last_bot_text("office")
    sim.send("g-donghu", "hehui", "你好")
    assert "未识别的指令" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", "签收")
    assert "没有待签收的工单" in sim.last_bot_text("g-donghu")
    sim.send("office", "zhaolei", "派 不存在的单位")
    assert "没有待分派的工单" in sim.last_bot_text("office")
    with sim.services.sessions() as session:
        assert session.scalar(select(func.count(Case.id))) == 0
        assert session.scalar(select(func.count(CaseEvent.id))) == 0


def test_full_width_and_mentions_and_case_number_in_quote(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 东湖街道")
    sim.send("office", "zhaolei", "东湖街道湖滨社区路灯坏了半个月，晚上一片漆黑，老人出行摔倒")
    sim.send("office", "zhaolei", "派 东湖街道")
    with sim.services.sessions() as session:
        first, second = [c.number for c in session.scalars(select(Case).order_by(Case.id))]
    sim.send("g-donghu", "hehui", "@督办助手　签收")
    assert "请注明工单号" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", "签收", quoted=f"【新工单·主办】 {second}")
    assert f"已签收 {second}" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", f"ｄｂ－{first[3:11]}－{first[-4:]} 签收")
    assert f"已签收 {first}" in sim.last_bot_text("g-donghu")


def test_merge_a_repeat_and_undo_by_dispatching(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 东湖街道")
    first = _case(sim).number
    sim.send("office", "zhaolei", "幸福小区垃圾又堆满了，还是没人管")
    sim.send("office", "zhaolei", f"并入 {first}")
    assert "已作为重复件并入" in sim.last_bot_text("office")
    assert "【又有网民反映】" in sim.last_bot_text("g-donghu")
    repeat = _case(sim)
    assert repeat.status == "duplicate"
    with sim.services.sessions() as session:
        assert session.scalar(select(Case.repeat_count).where(Case.number == first)) == 1
    sim.send("office", "zhaolei", f"并入 {repeat.number}")  # refused: it is the repeat itself
    assert "如不是重复，请回复“派 单位" in sim.last_bot_text("office")
    assert _case(sim).status == "duplicate"
    sim.send("office", "zhaolei", f"派 城管局 {repeat.number}")
    assert _case(sim).status == "dispatched"
    with sim.services.sessions() as session:
        assert session.scalar(select(Case.repeat_count).where(Case.number == first)) == 0
