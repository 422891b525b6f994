"""Demo cases for `make run`, so a newcomer sees a list, a history and charts at once.

They go through the lifecycle like any case (created, dispatched, signed, closed …) and are
made only in an empty case table; no chat messages are sent for them.
"""

from __future__ import annotations

from sqlalchemy import func, select

from bot.cases.lifecycle import Actor, Lifecycle
from bot.services import Services
from models import Case, Person, Unit

DEMO = (
    # title, body, source, category, lead, co, steps
    ("幸福小区垃圾堆积多日无人清理", "东湖路幸福小区门口垃圾堆积一周，气味难闻，联系电话13812345678", "hongwang", "城乡建设",
     "donghu", ("chengguan",), ("sign", "progress")),
    ("青山镇中学门口道路破损", "青山镇中学门口道路坑洼，学生上下学不安全", "wenzheng_hunan", "交通运输", "jiaotong", (), ("sign", "close")),
    ("建设路工地夜间施工噪音扰民", "建设路工地每晚施工到凌晨两点，严重影响休息", "douyin", "生态环境", "zhujian", ("shengtai",),
     ("sign", "close", "verify")),
    ("农贸市场缺斤短两", "城南农贸市场多个摊位缺斤短两，希望监管", "weibo", "市场监管", "shichang", (), ()),
    ("拖欠农民工工资", "某建筑公司拖欠工资三个月，请帮忙协调", "12345", "劳动保障", "renshe", (), ("sign",)),
    ("社区卫生服务中心排队时间长", "东湖社区卫生服务中心上午排队两小时", "wechat", "卫生健康", None, (), ()),
)


def seed_demo_cases(services: Services) -> int:
    with services.sessions() as session, session.begin():
        if session.scalar(select(func.count(Case.id))):
            return 0
        units = {u.code: u for u in session.scalars(select(Unit))}
        people = {p.code: p for p in session.scalars(select(Person))}
        office = Actor(people.get("wangmin"), label="演示数据")
        life = Lifecycle(session, services.deadlines, services.clock.now())
        count = 0
        for title, body, source, category, lead, co, steps in DEMO:
            case = life.create_case(office, title=title, body=body, source=source, category=category)
            count += 1
            if lead is None or lead not in units:
                continue
            life.dispatch(case, office, units[lead], [units[c] for c in co if c in units])
            handler = next((p for p in units[lead].handlers()), None)
            actor = Actor(handler, label="演示数据")
            for step in steps:
                if step == "sign":
                    life.sign(case, actor)
                elif step == "progress":
                    life.progress(case, actor, "已联系相关责任人，正在处理。")
                elif step == "close":
                    life.close(case, actor, "已处理完毕，并已回复网民。")
                elif step == "verify":
                    life.verify(case, office)
        return count
