"""A unit's photo on DingTalk (a picture message of its own, right after 已办结): downloaded by the
worker through messageFiles/download, kept as a file, attached to the closed case, sent on to the office."""

from __future__ import annotations

import base64

from sqlalchemy import select

from models import Case, CaseEvidence
from tests.dingtalk.conftest import DingTalkClient
from tests.support import newest
from tests.test_evidence import photo


def test_picture_after_closing_is_evidence_not_an_unknown_command(dt: DingTalkClient) -> None:
    dt.send("office", "zhaolei", "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，楼道里气味难闻")
    dt.send("office", "zhaolei", "派 东湖街道")
    number = newest(dt.services, Case).number
    dt.send("donghu", "hehui", "已办结 垃圾已全部清运")
    picture = base64.b64decode(photo((20, 120, 200)))
    dt.fake.files["photo-1"] = picture
    dt.send("donghu", "hehui", msgtype="picture", content={"downloadCode": "photo-1"})
    assert dt.last("donghu").text == f"已将 1 张图片附到 {number}（办结），已转网信办。"
    assert dt.last("office").text.startswith(f"【附图】{number} 东湖街道办事处（办结）1/1")
    with dt.services.sessions() as session:
        stored = session.scalar(select(CaseEvidence))
        assert stored is not None and stored.context == "final"
    path = dt.services.settings.var_dir / "media" / "evidence" / stored.file_name
    assert path.read_bytes() == picture
