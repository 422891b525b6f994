"""Fields from screens in layouts the role model was never trained on, kind by kind.

tests/intake/data/dev_family_pages.json holds real OCR lines of layout families a and d (written
apart from the parser: bench/heldout_layouts, bench/heldout_layouts_d), two shots per layout, with
the families' labels (bench/dev_fixtures.py rebuilds it). Each test checks one kind of failure on the
layouts where it occurs: a chat's post and its sender, a forwarded chat history's longest item, a
desktop page's sidebars, a post's meta time line, a board's title over its header, 【label】 headings,
a time printed above the nickname, the platform from buttons rather than from words in comments.
The small tests below them pin each rule on lines written by hand.
"""

from __future__ import annotations

import json
import statistics
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bench.ocr_heldout import FIELDS, score, similarity, time_agrees
from bot.intake.ocr import OcrLine
from bot.intake.platforms import detect_platform
from bot.intake.post_parser import ParsedPost, parse_post
from bot.intake.segments import split_line

PAGES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "dev_family_pages.json").read_text(encoding="utf-8")
)
FORWARDED = datetime.fromisoformat("2025-06-01T10:00:00+08:00")


def _parse(page: dict[str, Any]) -> ParsedPost:
    lines = [OcrLine(text, tuple(box), 1.0) for text, box in page["lines"]]  # type: ignore[arg-type]
    return parse_post(lines, datetime.fromisoformat(page["truth"]["forwarded_at"]), size=tuple(page["size"]))  # type: ignore[arg-type]


def _pages(*layouts: str) -> list[dict[str, Any]]:
    return [p for p in PAGES if p["layout"] in layouts]


def _ids(pages: list[dict[str, Any]]) -> list[str]:
    return [f"{p['layout']}-{i}" for i, p in enumerate(pages)]


CHATS = _pages("wx_group_chat")
DESKTOPS = _pages("hw_desktop_detail", "wb_desktop_card", "wz_desktop_table")
LISTS = _pages("dy_comments", "wb_phone_detail", "dy_video")
BOARDS = _pages("wz_app_detail", "hw_phone_detail", "wx_article", "hw_desktop_detail")


@pytest.mark.parametrize("page", CHATS, ids=_ids(CHATS))
def test_a_chat_screen_gives_the_pasted_post_its_sender_and_the_stamp_above_it(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.author == truth["author"]
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])
    assert similarity(post.body, truth["body"]) >= 0.9
    assert (post.title or None) == truth["title"]
    assert post.platform == "wechat"


@pytest.mark.parametrize("page", DESKTOPS, ids=_ids(DESKTOPS))
def test_a_desktop_page_keeps_its_nav_and_sidebars_out_of_the_post(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert similarity(post.body, truth["body"]) >= 0.9
    assert (post.title or None) == truth["title"]
    assert post.author == truth["author"]


@pytest.mark.parametrize("page", LISTS, ids=_ids(LISTS))
def test_the_post_in_a_list_ends_at_its_own_time_line(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])
    assert similarity(post.body, truth["body"]) >= 0.9


@pytest.mark.parametrize("page", BOARDS, ids=_ids(BOARDS))
def test_a_board_or_article_title_sits_above_its_header(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.title == truth["title"]
    assert post.platform == truth["platform"]


HISTORIES = _pages("wx_merged_history")
BRACKETED = _pages("hw_desktop_bold")
TIME_FIRST = _pages("hw_phone_timefirst")


@pytest.mark.parametrize("page", HISTORIES, ids=_ids(HISTORIES))
def test_a_forwarded_chat_history_gives_its_longest_item_with_that_items_name_and_time(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.author == truth["author"]
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])
    assert similarity(post.body, truth["body"]) >= 0.9
    assert post.platform == "wechat"


@pytest.mark.parametrize("page", BRACKETED, ids=_ids(BRACKETED))
def test_labels_set_as_bracketed_headings_are_read_as_labels(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.title == truth["title"]
    assert post.author == truth["author"]
    assert post.addressed_unit == truth["addressed_unit"]


@pytest.mark.parametrize("page", TIME_FIRST, ids=_ids(TIME_FIRST))
def test_a_time_printed_above_the_nickname_is_the_posts_and_the_nickname_its_author(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.author == truth["author"]
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])


def test_the_development_families_read_well_overall() -> None:
    """Image × field accuracy on all fixture pages (printed by bench/ocr_heldout.py --family a
    on fresh shots); a floor that catches a rule gone wrong, not a target."""
    results = [score(_parse(p).contract_fields(), p["truth"]) for p in PAGES]
    overall = statistics.mean(r[f] for r in results for f in FIELDS)
    assert overall >= 0.9, overall


def _line(text: str, left: int, top: int, right: int, height: int = 40) -> OcrLine:
    return OcrLine(text, (left, top, right, top + height), 1.0)


BODY = ["本人在珠晖区东风街道一家餐饮公司工作，入职时说好转正后交社保。上个月工作时受了伤，公司说",
        "没有工伤保险，医药费要自己出。公司让我们签了自愿放弃社保的声明，不签就不让上班。离职时公",
        "司还扣了半个月工资。请劳动监察部门查处。"]


def test_a_row_of_short_nav_items_is_no_title() -> None:
    lines = [
        _line("热点", 280, 150, 340), _line("地区", 360, 150, 440), _line("部门", 460, 150, 520),
        _line("排行榜", 540, 150, 620),
        _line("公司拒绝缴纳社会保险", 270, 300, 580, 46),
        _line("留言人：奔跑的蜗牛", 290, 390, 540, 30), _line("留言时间：2025-04-20 18:10", 560, 390, 800, 30),
        *[_line(text, 270, 460 + 40 * n, 1280, 30) for n, text in enumerate(BODY)],
    ]
    post = parse_post(lines, FORWARDED, size=(1920, 1200))
    assert post.title == "公司拒绝缴纳社会保险"
    assert post.author == "奔跑的蜗牛"


def test_sidebar_lines_beside_the_post_stay_out_of_its_body() -> None:
    lines = [_line("不吃香菜", 416, 93, 484, 24), _line("昨天 17:08 来自 HUAWEI Mate 60", 417, 121, 600, 18)]
    for n, text in enumerate(BODY):
        lines.append(_line("特别关注" if n == 0 else "好友圈", 166, 160 + 25 * n, 234, 24))
        lines.append(_line(text, 418, 160 + 25 * n, 950, 20))
        lines.append(_line(f"{n + 1} 演唱会门票开售", 1035, 160 + 25 * n, 1142, 20))
    post = parse_post(lines, FORWARDED, size=(1440, 982))
    assert "特别关注" not in post.body and "好友圈" not in post.body and "门票" not in post.body
    assert post.title is None
    assert post.author == "不吃香菜"
    assert post.posted_at == datetime.fromisoformat("2025-05-31T17:08:00+08:00")


def test_a_weak_platform_marker_counts_as_a_button_not_inside_a_sentence() -> None:
    assert detect_platform(["转发扩散", "转发给朋友看看"], [], []) == "other"
    assert detect_platform(["转发 12", "评论 36"], [], []) == "weibo"
    assert detect_platform(["阅读288", "赞40在看16"], [], []) == "wechat"


def test_a_label_glued_to_the_value_before_it_starts_a_field() -> None:
    pieces = [s.text for s in split_line("留言人:奔跑的蜗牛留言时间:2025-04-20 18:10", (0, 0, 600, 30), 0, FORWARDED)]
    assert pieces[0] == "留言人:奔跑的蜗牛"
    assert pieces[1].startswith("留言时间:")


def test_a_clock_in_words_at_the_end_of_a_wrapped_line_stays_in_the_sentence() -> None:
    pieces = split_line("荷塘区宋家桥街道幸福里小区隔壁的工地晚上十一点", (0, 0, 900, 30), 0, FORWARDED)
    assert [s.text for s in pieces] == ["荷塘区宋家桥街道幸福里小区隔壁的工地晚上十一点"]


# Development families e and f (phone pages where the post is one item among several; desktop pages
# and chat clients), real OCR lines (bench/dev_fixtures.py).
PAGES_EF: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "dev_family_pages_ef.json").read_text(encoding="utf-8")
)


def _ef(layout: str) -> list[dict[str, Any]]:
    return [p for p in PAGES_EF if p["layout"] == layout]


@pytest.mark.parametrize("page", _ef("wx_group_two") + _ef("qq_phone"), ids=lambda p: p["layout"])
def test_a_post_pasted_as_several_bubbles_or_under_member_badges_has_its_sender_and_whole_text(
        page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.author == truth["author"]
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


@pytest.mark.parametrize("page", _ef("rmw_lyb") + _ef("rmw_board") + _ef("h12345_detail")[:1], ids=lambda p: p["layout"])
def test_a_site_the_bot_has_no_source_for_is_other_whatever_labels_it_shares(page: dict[str, Any]) -> None:
    assert _parse(page).platform == "other"


def test_folded_list_items_and_the_fold_button_stay_out_of_the_expanded_post() -> None:
    page = _ef("hw_list")[0]
    post = _parse(page)
    assert post.body == page["truth"]["body"]
    assert "收起" not in (post.body or "") and "…" not in (post.body or "")


def test_a_browser_address_bar_a_footer_and_a_count_first_profile_line_are_chrome() -> None:
    lines = [
        _line("www.douyin.com/video/3425946568482207026", 40, 20, 700, 30),
        _line("大胖_1988", 120, 160, 280),
        _line("2.7万粉丝·湖南优质民生领域创作者", 120, 205, 515, 30),
        _line(BODY[0], 30, 280, 1180), _line(BODY[1], 30, 330, 1180), _line(BODY[2], 30, 380, 700),
        _line("04-26 14:53·湖南", 30, 440, 260, 30),
        _line("互联网新闻信息服务许可证：43120170001", 300, 1500, 900, 30),
    ]
    post = parse_post(lines, FORWARDED, size=(1242, 1600))
    assert post.body == "".join(BODY)
    assert post.author == "大胖_1988"


@pytest.mark.parametrize("page", _ef("wx_pc")[:1], ids=lambda p: p["layout"])
def test_a_desktop_chat_clients_chat_list_stays_out_of_the_post(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.author == truth["author"]
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


# Family g (government portals and forms, threads and comments), real OCR lines (bench/dev_fixtures.py).
PAGES_G: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "dev_family_pages_g.json").read_text(encoding="utf-8")
)


def _g(layout: str) -> list[dict[str, Any]]:
    return [p for p in PAGES_G if p["layout"] == layout]


@pytest.mark.parametrize("page", _g("douyin_reply")[:1] + _g("weibo_comment")[:1], ids=lambda p: p["layout"])
def test_a_complaint_in_the_comments_under_a_news_accounts_post_is_the_post(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert similarity(post.body, truth["body"]) >= 0.9, post.body
    assert post.author == truth["author"]
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])


@pytest.mark.parametrize("page", _g("wenzheng_detail"), ids=lambda p: p["layout"])
def test_an_offices_reply_under_the_post_is_not_its_body(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert "您好" not in post.body
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


NEWS = ["株洲市发布供水管网改造计划，荷叶镇等片区将分批", "停水检修。"]
COMPLAINT = ["我是湘乡市黄土铺镇的居民，书院路从建工宿舍门口", "到滨河北路路口这一段路面坑坑洼洼，大坑连着小坑，",
             "希望有关部门尽快修一修。"]


def _comment_page(post: list[str]) -> list[OcrLine]:
    lines = [_line("@城事速递湖南", 30, 440, 290)]
    lines += [_line(text, 30, 500 + 45 * n, 1000) for n, text in enumerate(post)]
    lines += [_line("3719条评论", 360, 660, 530)]
    top = 740
    for name, text, stamp in (("湘江边的风", ["已转发，希望早日解决。"], "昨天·湖南"),
                              ("洞庭湖的鱼", COMPLAINT, "昨天06:40·湖南"),
                              ("晴天娃娃_hn", ["同感，沿江大道那段我天天走，真的烂。"], "昨天·湖南")):
        lines.append(_line(name, 135, top, 300))
        lines += [_line(t, 135, top + 50 * (n + 1), 1000) for n, t in enumerate(text)]
        top += 50 * (len(text) + 1)
        lines.append(_line(stamp, 135, top, 300, 34))
        top += 70
    return lines


def test_a_complaining_comment_is_the_post_only_under_a_post_that_does_not_complain() -> None:
    under_news = parse_post(_comment_page(NEWS), FORWARDED, size=(1080, 2300))
    assert under_news.body == "".join(COMPLAINT)
    assert under_news.author == "洞庭湖的鱼"
    assert under_news.posted_at == datetime.fromisoformat("2025-05-31T06:40:00+08:00")
    # The citizen's own post, with another complaint among its comments: the post stays.
    under_complaint = parse_post(_comment_page(BODY), FORWARDED, size=(1080, 2300))
    assert under_complaint.body == "".join(BODY)


@pytest.mark.parametrize("reply", ["您好，接到留言后，我局立即会同街道赴现场调查，已责令限期整改。",
                                   "网友您好：经调查，您所反映的情况属实，我局已安排专人处理。",
                                   "尊敬的网友，您好！您反映的问题已收悉，现答复如下。",
                                   "您好，您的诉求已转至双峰县城市管理和综合执法局办理。"])
def test_an_offices_reply_under_the_post_ends_its_body(reply: str) -> None:
    lines = [
        _line("公司拒绝缴纳社会保险", 30, 200, 600, 46),
        _line("留言人：奔跑的蜗牛", 30, 270, 400, 30), _line("2025-04-20 18:10", 600, 270, 900, 30),
        *[_line(text, 30, 340 + 45 * n, 1050, 34) for n, text in enumerate(BODY)],
        _line("珠晖区人力资源和社会保障局", 30, 520, 500, 30),
        _line(reply, 30, 570, 1050, 34),
    ]
    post = parse_post(lines, FORWARDED, size=(1080, 1400))
    assert post.body == "".join(BODY)


@pytest.mark.parametrize("heading", ["官方回复·望城区人民政府", "网友回复(16)"])
def test_a_replies_heading_under_the_post_ends_its_body(heading: str) -> None:
    lines = [
        _line("公司拒绝缴纳社会保险", 30, 200, 600, 46),
        _line("留言人：奔跑的蜗牛", 30, 270, 400, 30), _line("2025-04-20 18:10", 600, 270, 900, 30),
        *[_line(text, 30, 340 + 45 * n, 1050, 34) for n, text in enumerate(BODY)],
        _line(heading, 58, 520, 425, 36),
        _line("执法人员已于当日前往青年街现场调查，对涉事单位下达了整改通知书。", 30, 570, 1050, 34),
    ]
    post = parse_post(lines, FORWARDED, size=(1080, 1400))
    assert post.body == "".join(BODY)


@pytest.mark.parametrize("page", _g("gov_list_desktop") + _ef("wenzheng_list"), ids=lambda p: p["layout"])
def test_a_portal_list_with_one_letter_opened_gives_that_letter(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.platform == truth["platform"]  # not a chat history, though its rows have a name-like cell and a time
    assert post.title == truth["title"]
    assert post.author == truth["author"]
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


@pytest.mark.parametrize("page", _ef("hongwang_2col"), ids=lambda p: p["layout"])
def test_a_sidebar_of_titles_and_dates_beside_a_post_is_no_list_of_letters(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.addressed_unit == truth["addressed_unit"]
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


def _list_row(title: str, top: int, date: str = "2025-05-20") -> list[OcrLine]:
    return [_line("·" + title, 300, top, 800, 30), _line(date, 1300, top, 1450, 30), _line("已办结", 1600, top, 1680, 30)]


LETTER = ["来信人：王先生", "我是城关镇和平村村民，村里的自来水这个月已经停了三次，每次两三天，", "家里老人孩子用水很困难，请水务部门尽快查明原因。"]


def test_the_opened_row_of_a_list_is_the_post_and_the_closed_rows_are_not() -> None:
    lines = [_line("县长信箱·信件公开", 300, 150, 700), _line("信件标题", 300, 220, 420, 30),
             _line("来信时间", 1300, 220, 1420, 30)]
    lines += _list_row("建议增设公交站台", 280) + _list_row("红绿灯时长设置不合理", 340)
    lines += _list_row("和平村自来水经常停水", 400, "2025-05-18 09:12")
    lines += [_line(text, 300, 460 + 45 * n, 1200, 30) for n, text in enumerate(LETTER)]
    lines += [_line("答复单位：县水利局", 320, 620, 600, 30),
              _line("您好，接到留言后，我局立即派人到现场核查，已恢复供水。", 320, 660, 1300, 30)]
    lines += _list_row("金色家园门前占道经营", 740) + _list_row("学校门口拥堵", 800)
    post = parse_post(lines, FORWARDED, size=(1900, 1000))
    assert post.title == "和平村自来水经常停水"
    assert post.author == "王先生"
    assert post.posted_at == datetime.fromisoformat("2025-05-18T09:12:00+08:00")
    assert post.body == "".join(LETTER[1:])  # the office's reply is not the citizen's
    assert post.addressed_unit is None  # the unit that replied is not the one the citizen addressed


def test_a_chat_history_whose_every_row_has_a_message_is_no_list_of_letters() -> None:
    lines = [_line("城关镇工作群的聊天记录", 400, 40, 900)]
    top = 220
    for name, stamp, text in (("城关镇-张工", "5月20日 09:10", "收到"), ("水务站李站长", "5月20日 09:12", "好的"),
                              ("和平村王会计", "5月20日 09:15", LETTER[1] + LETTER[2])):
        lines += [_line(name, 60, top, 60 + 30 * len(name), 30), _line(stamp, 800, top, 1000, 30),
                  _line(text[:30], 60, top + 45, 60 + 30 * len(text[:30]), 30)]
        if len(text) > 30:
            lines.append(_line(text[30:], 60, top + 90, 60 + 30 * len(text[30:]), 30))
        top += 150
    post = parse_post(lines, FORWARDED, size=(1080, 800))
    assert post.author == "和平村王会计"
    assert post.body == LETTER[1] + LETTER[2]


@pytest.mark.parametrize("page", _g("portal_12345_desktop"), ids=lambda p: p["layout"])
def test_a_grid_of_labels_over_values_gives_each_value_its_labels_field(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert (post.title, post.author, post.addressed_unit) == (truth["title"], truth["author"], truth["addressed_unit"])
    assert time_agrees(post.contract_fields()["posted_at"], truth["posted_at"], truth["posted_at_components"])
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


def test_labels_over_values_make_the_post_and_the_portals_name_is_not_its_title() -> None:
    lines = [_line("株洲市12345政务服务便民热线", 200, 100, 650, 40), _line("首页 诉求公开 政策知识库", 1000, 110, 1330, 30),
             _line("诉求标题", 250, 330, 320, 26), _line("龙井村自来水发黄", 250, 362, 480, 28),
             _line("诉求人", 250, 410, 300, 26), _line("诉求时间", 620, 410, 690, 26), _line("诉求渠道", 1000, 410, 1070, 26),
             _line("刘同志", 250, 440, 320, 28), _line("2025-03-26", 620, 440, 730, 28), _line("APP", 1000, 440, 1050, 28),
             _line("诉求内容", 250, 480, 320, 26),
             _line("荷塘区云田镇龙井村这半个月自来水一直发黄，烧开后壶底一层沉淀。", 250, 510, 980, 28),
             _line("希望水务部门尽快派人检测水质。", 250, 548, 700, 28),
             _line("承办单位", 250, 600, 320, 26), _line("办理状态", 620, 600, 690, 26),
             _line("荷塘区水利局", 250, 630, 420, 28), _line("已办结", 620, 630, 690, 28)]
    post = parse_post(lines, FORWARDED, size=(1600, 800))
    assert post.title == "龙井村自来水发黄"
    assert post.author == "刘同志"
    assert post.posted_at == datetime.fromisoformat("2025-03-26T00:00:00+08:00")
    assert post.posted_date_only  # the screen showed no clock: the card shows the date alone
    assert post.body.replace("\n", "") == "荷塘区云田镇龙井村这半个月自来水一直发黄，烧开后壶底一层沉淀。希望水务部门尽快派人检测水质。"
    # The unit the hotline handed the case to is the office's record, not whom the citizen addressed.
    assert post.addressed_unit is None


@pytest.mark.parametrize("page", _g("wx_article_letter"), ids=lambda p: p["layout"])
def test_a_letter_inside_an_article_is_the_post_without_the_articles_words(page: dict[str, Any]) -> None:
    post, truth = _parse(page), page["truth"]
    assert post.author == truth["author"]
    assert similarity(post.body, truth["body"]) >= 0.9, post.body


ARTICLE = ["来信选登｜这些民生问题，期待回音", "本期刊发读者来信，来信内容仅代表读者个人观点。"]


def test_the_article_around_a_letter_its_editors_note_and_its_comments_are_not_the_post() -> None:
    lines = [_line(ARTICLE[0], 50, 260, 1000, 60), _line("长沙民生热线", 150, 374, 386), _line("2025年10月10日01:53", 390, 374, 760),
             _line(ARTICLE[1], 55, 488, 950), _line("来信人：张**", 50, 640, 290), _line("来信时间：2025年10月1日15:05", 50, 700, 610)]
    lines += [_line(text, 50, 780 + 60 * n, 1000) for n, text in enumerate(BODY)]
    lines += [_line("记者追踪：此前另一小区也曾反映类似问题，经协调已于上月解决。", 50, 1000, 1000),
              _line("阅读8.1万", 50, 1100, 220), _line("赞66", 270, 1100, 390), _line("在看12", 420, 1100, 560),
              _line("蓝莓味的夏天", 155, 1200, 370), _line("我们幸福里小区也是这个情况，投诉了半年都没人管。", 155, 1260, 1000)]
    post = parse_post(lines, FORWARDED, size=(1080, 1400))
    assert post.author == "张**"
    assert post.posted_at == datetime.fromisoformat("2025-10-01T15:05:00+08:00")
    assert post.body.replace("\n", "") == "".join(BODY)


def _thread(first_floor_time: str) -> list[OcrLine]:
    """A forum thread: the forum's header, the poster with badges, a bold title right above the
    text, the 1楼 line, then another member's reply on 2楼 naming another place."""
    return [_line("宁乡吧", 155, 95, 272, 50), _line("进吧", 697, 90, 780, 44),
            _line("奋斗的蜗牛88 Lv.8", 125, 198, 387, 42), _line("楼主", 400, 200, 441, 33),
            _line("IP属地:湖南", 125, 241, 256, 31),
            _line("宁乡市某校违规收取资料费", 35, 296, 504, 43),
            _line("长沙市宁乡市新华街附近一所初中要求每个学生交", 35, 354, 783, 36),
            _line("三百元资料费，说是自愿，实际不交的学生会被点", 34, 411, 782, 35),
            _line("名。恳请教育部门调查核实，规范学校收费行为。", 34, 466, 782, 35),
            _line("1楼", 30, 786, 74, 37), _line(first_floor_time, 74, 786, 330, 37), _line("回复 赞", 687, 785, 802, 39),
            _line("路过的吃瓜群众 Lv.11", 123, 893, 418, 49), _line("湖南", 122, 936, 183, 38),
            _line("顶一下，杨家桥镇那边去年也是这样，后来上了电视才解决。", 127, 989, 770, 35),
            _line("2楼", 127, 1101, 168, 30), _line("02-10 18:35 来自iPhone客户端", 168, 1101, 535, 30)]


def test_a_threads_first_floor_ends_the_post_and_gives_its_time() -> None:
    forwarded = datetime.fromisoformat("2025-02-10T21:25:00+08:00")
    post = parse_post(_thread("02-10 17:02 来自Android客户端"), forwarded, size=(828, 1300))
    assert post.platform == "other"  # 贴吧, not 微博 for its 来自iPhone客户端
    assert post.author == "奋斗的蜗牛88"  # neither the forum's name nor the badge
    assert post.title == "宁乡市某校违规收取资料费"  # the line set above the text
    assert post.body.replace("\n", "").startswith("长沙市宁乡市新华街") and "杨家桥镇" not in post.body
    assert post.posted_at == datetime.fromisoformat("2025-02-10T17:02:00+08:00")  # 1楼's, not 2楼's


def test_a_notes_edit_time_under_its_text_is_its_time() -> None:
    # 小红书: no time in the header; "编辑于 08-31 18:05 湖南" under the text, then the comments.
    lines = [_line("稻田里的守望者", 173, 114, 437, 43), _line("关注", 800, 114, 900, 43),
             _line("永兴县栗山镇柏树村最近有人在基本农田上打地基建房，", 36, 1215, 946, 42),
             _line("挖掘机天天在干活。村民向村里反映过，村干部说管不了。", 36, 1278, 946, 42),
             _line("#民生问题", 36, 1343, 300, 40),
             _line("编辑于 08-31 18:05 湖南", 37, 1622, 351, 33), _line("共161条评论", 36, 1735, 239, 40),
             _line("小鹿乱撞2019", 139, 1809, 343, 37), _line("顶一下，我们那边也是这样", 138, 1858, 824, 39),
             _line("17小时前 湖南 回复", 140, 1971, 415, 23)]
    post = parse_post(lines, datetime.fromisoformat("2025-09-01T18:07:00+08:00"), size=(975, 2000))
    assert post.posted_at == datetime.fromisoformat("2025-08-31T18:05:00+08:00")
    assert post.platform == "other"  # 编辑于 is a note's line; 共161条评论 alone would say 抖音
    # The avatar is a picture and the 关注 button was dropped as chrome: the one name in the top bar,
    # left of centre, is the author; a relative time after 编辑于 is the post's too.
    lines = [line for line in lines if line.text != "关注"]
    lines[4] = _line("编辑于 6天前 湖南", 37, 1622, 351, 33)
    post = parse_post(lines, datetime.fromisoformat("2025-09-01T18:07:00+08:00"), size=(975, 2000))
    assert post.author == "稻田里的守望者"
    assert post.posted_at is not None and post.posted_at.date().isoformat() == "2025-08-26"


def _reply_sheet(header: str) -> list[OcrLine]:
    """A comment sheet under a news account's video: a comment, and a reply to it headed `header`."""
    return [_line("@城事速递湖南", 31, 444, 291, 44), _line("株洲市发布供水管网改造计划，荷叶镇等片区将分批", 31, 499, 723, 33),
            _line("停水检修。", 29, 540, 167, 39), _line("3719条评论", 363, 656, 527, 38),
            _line("洞庭湖的鱼", 212, 924, 368, 37), _line("打12345试试，我上次反映迎宾大道的问题", 214, 977, 770, 39),
            _line("昨天·湖南", 214, 1090, 421, 34),
            _line(header, 213, 1159, 579, 37), _line("我是湘乡市黄土铺镇的居民，书院路", 214, 1213, 777, 39),
            _line("从建工宿舍门口到滨河北路路口这一", 215, 1265, 777, 40), _line("段路面坑坑洼洼，大坑连着小坑，请尽快修。", 213, 1320, 722, 39),
            _line("昨天06:40·湖南", 214, 1379, 449, 34)]


# A reply's header: "回复者 ▶ 被回复者" (the ▶ kept, or lost by OCR: the replied-to name stands on its own
# line above), an avatar read as the name's first letter, a badge after the name.
@pytest.mark.parametrize("header", ["追风少年Leo洞庭湖的鱼", "追风少年Leo▶洞庭湖的鱼", "追 追风少年Leo", "追风少年Leo 认证"])
def test_a_replys_header_gives_the_replier_alone(header: str) -> None:
    post = parse_post(_reply_sheet(header), datetime.fromisoformat("2025-04-03T13:35:00+08:00"), size=(893, 1500))
    assert post.author == "追风少年Leo", post.author


def test_a_hotline_ticket_reads_its_own_labels_and_is_no_wechat_post() -> None:
    lines = [_line("我的诉求", 535, 126, 748, 62), _line("工单信息", 68, 309, 266, 60), _line("待评价", 1076, 303, 1200, 50),
             _line("工单编号：CS2024071058922", 71, 412, 609, 45), _line("诉求类型：求助", 73, 502, 353, 44),
             _line("反映人：赵先生", 72, 591, 351, 44), _line("反映时间：07-1006:03", 73, 773, 484, 44),
             _line("所属区域：湘潭市岳塘区", 71, 863, 513, 43), _line("诉求标题：", 71, 950, 252, 48),
             _line("岳塘区田柳村河道被倾倒建筑垃圾", 73, 1034, 702, 43), _line("反映内容：", 71, 1107, 252, 47),
             _line("湘潭市岳塘区田柳村旁边的小河最近被人偷偷倒了很多建筑渣", 72, 1191, 1207, 43),
             _line("土，河道堵了一半，一下大雨水就漫到田里，秧苗都被淹了。", 71, 1261, 1183, 46),
             _line("办理进度", 65, 1897, 269, 59), _line("市民提交", 134, 2005, 315, 52), _line("07-10 06:03", 1020, 2013, 1214, 37),
             _line("通过微信小程序提交诉求", 137, 2080, 567, 40), _line("热线受理", 134, 2172, 318, 51)]
    post = parse_post(lines, datetime.fromisoformat("2025-07-12T09:00:00+08:00"), size=(1284, 2400))
    assert post.author == "赵先生"  # 反映人, not the 工单信息 heading
    assert post.platform == "other"  # a hotline's ticket, though submitted through WeChat
    assert post.posted_at == datetime.fromisoformat("2025-07-10T06:03:00+08:00")


def test_the_nickname_by_the_楼主_badge_is_the_author_and_the_line_over_the_floors_the_title() -> None:
    # A desktop forum: the thread's title over the floors, the poster's nickname over its 楼主 badge
    # in the left column, the text to its right.
    lines = [_line("百度贴吧", 25, 91, 105, 24), _line("常德吧", 166, 92, 212, 23), _line("进吧", 240, 92, 280, 23),
             _line("武陵区福安佳苑物业乱收费", 147, 159, 340, 21), _line("只看楼主 收藏 回复", 926, 160, 1043, 18),
             _line("尊敬的领导：您好！", 276, 221, 399, 24),
             _line("武陵区沙兴镇青兰社区福安佳苑物业今年突然把停车费从每月一百涨到两百五，没有开业主大会", 276, 253, 1034, 21),
             _line("木子李", 173, 297, 216, 20), _line("楼主", 156, 318, 186, 19),
             _line("电梯坏了一个多月没人修，物业费倒是一分不少。请问这种涨价合不合规？业主该找哪个部门？", 278, 310, 1034, 18),
             _line("之前也在网上反映过，回复说会处理，结果还是老样子。", 278, 341, 700, 18),
             _line("IP属地:浙江 来自iPhone客户端 1楼", 765, 411, 949, 15), _line("2024-10-30 12:23", 949, 411, 1042, 15),
             _line("去年我在汉寿县丰泽苑小区遇到过一模一样的情况", 276, 608, 769, 22), _line("2楼", 994, 558, 1042, 16)]
    post = parse_post(lines, datetime.fromisoformat("2024-10-31T09:00:00+08:00"), size=(1200, 700))
    assert post.author == "木子李"
    assert post.title == "武陵区福安佳苑物业乱收费"


def test_a_unit_label_glued_to_its_value_is_not_part_of_the_unit() -> None:
    lines = [_line("问政湖南", 356, 82, 502, 44), _line("常宁市振兴街占道经营堵塞交通", 46, 286, 616, 33),
             _line("14小时前", 616, 286, 740, 33), _line("问政对象常宁市人民政府", 48, 335, 336, 30),
             _line("尊敬的书记：", 41, 396, 203, 37),
             _line("衡阳市常宁市坪杉乡振兴街菜市场门口每天早上摊贩把整条", 44, 561, 796, 29),
             _line("路都占了，车过不去人也走不动，救护车上次进来都耽误了", 44, 608, 795, 30),
             _line("十几分钟。", 41, 651, 175, 37), _line("办理中", 42, 869, 133, 36), _line("浏览 4737 评论 91", 610, 871, 817, 32)]
    post = parse_post(lines, datetime.fromisoformat("2025-07-18T17:00:00+08:00"), size=(850, 1000))
    assert post.addressed_unit == "常宁市人民政府"


def test_a_repost_gives_the_quoted_original_with_its_author_and_time() -> None:
    lines = [_line("微博正文", 411, 110, 615, 65), _line("爱吃辣的小胖", 168, 255, 437, 52),
             _line("49分钟前 来自 HUAWEI Mate 60", 166, 313, 640, 40),
             _line("转发扩散，希望相关部门看到//@安静的鱼:支持/", 35, 401, 982, 51),
             _line("/@Sunny·91Y:[怒]//@弓长陈呀:同城的帮转", 33, 467, 915, 57),
             _line("@湘江边的阿Q：尊敬的书记：芦淞区德", 70, 589, 948, 52),
             _line("沙镇裕潭社区这段时间自来水经常停，一停就是", 68, 655, 955, 48),
             _line("两三天，也不提前通知，村里七十多户人家只能", 69, 723, 956, 46),
             _line("去挑井水。联系方式：157 2989 0241。", 69, 788, 786, 48),
             _line("2025-02-25 20:48 来自微博视频号", 68, 869, 585, 39),
             _line("转发42", 35, 1049, 179, 54), _line("评论6", 283, 1048, 405, 56), _line("赞59", 529, 1048, 636, 56),
             _line("Lucky·10Y", 149, 1180, 357, 48), _line("别指望了，年年说年年不改", 152, 1247, 658, 43),
             _line("2分钟前来自湖南", 151, 1311, 413, 40)]
    post = parse_post(lines, datetime.fromisoformat("2025-08-14T15:00:00+08:00"), size=(1170, 1600))
    assert post.author == "湘江边的阿Q"
    assert post.posted_at == datetime.fromisoformat("2025-02-25T20:48:00+08:00")
    assert post.body.replace("\n", "").startswith("尊敬的书记：芦淞区德沙镇裕潭社区") and "扩散" not in post.body


def test_an_askers_byline_under_the_question_gives_its_author_and_time_and_ends_it() -> None:
    # Real OCR lines of a 百度知道 page (development family h): question, sidebar of related questions,
    # the asker's byline under the text, then the answers.
    lines = [
             _line('百度知道-全球领先中文互动问', 21, 14, 189, 17),
             _line('←→', 16, 51, 60, 18),
             _line('zhidao.baidu.com/question/5646160736.html', 125, 52, 405, 17),
             _line('百度知道', 206, 101, 311, 35),
             _line('搜索答案', 867, 105, 933, 25),
             _line('我要提问', 965, 105, 1030, 25),
             _line('邵东市青松里小区夜间施工噪音扰民，该找哪个部门？', 207, 180, 730, 29),
             _line('相关问题', 1014, 181, 1089, 28),
             _line('尊敬的领导：您好！', 207, 220, 339, 23),
             _line('沙裕路路灯坏了一年没人修', 1017, 216, 1190, 20),
             _line('我是邵东市青松里小区的业主，小区旁边的工地每天晚上施工到凌晨一两点，打桩机的声音震得窗户都在响，老人', 208, 253, 961, 20),
             _line('兰坪社区河道被倾倒建筑垃圾', 1019, 261, 1203, 17),
             _line('小孩根本睡不着。', 207, 278, 325, 23),
             _line('向街道和城管反映过好几次，白天停一下晚上照样干。请问夜间施工有没有审批?能不能管一管?', 208, 312, 850, 20),
             _line('丰杉村河道被倾倒建筑垃圾', 1018, 303, 1190, 20),
             _line('这个问题已经持续很久了，周边好几个小区上千户居民都受影响。', 208, 345, 638, 20),
             _line('金桂家园小区电梯频繁故障困人', 1019, 350, 1216, 17),
             _line('湘江边的老王|2024-12-1217:04', 208, 379, 420, 17),
             _line('浏览9516次', 892, 377, 974, 21),
             _line('青阳街占道经营堵塞交通', 1018, 392, 1176, 20),
             _line('我来答', 237, 418, 291, 26),
             _line('丰冲路修路半年未完工', 1017, 436, 1163, 20),
             _line('3个回答', 204, 471, 272, 28),
             _line('枫金社区河道被倾倒建筑垃圾', 1019, 481, 1203, 17),
             _line('用', 216, 519, 239, 23),
             _line('用户8143811280', 254, 512, 370, 26),
             _line('Lv5', 368, 513, 397, 18),
             _line('2024-11-2211:22·擅长：社会民生', 254, 533, 454, 17),
             _line('铺潭社区自来水断断续续', 1018, 525, 1175, 17),
             _line('最佳答案', 209, 560, 271, 22),
             _line('别指望了，年年说年年不改建议先打12345市民热线，把时间、地点和具体情况说清楚，一般三到五个工作日会有', 208, 595, 958, 20),
             _line('回复。', 205, 618, 251, 26),
    ]
    post = parse_post(lines, datetime.fromisoformat("2025-05-14T20:36:00+08:00"), size=(1600, 900))
    assert post.author == "湘江边的老王"
    assert post.posted_at == datetime.fromisoformat("2024-12-12T17:04:00+08:00")
    assert "12345" not in post.body and "用户8143811280" not in post.body


def test_a_line_of_text_that_starts_with_a_storey_is_no_floor_line() -> None:
    # "12楼的住户…" wrapped to the start of a line is the citizen's sentence, not a thread's floor.
    lines = [_line("公司拒绝缴纳社会保险", 30, 200, 600, 46),
             _line("留言人：奔跑的蜗牛", 30, 270, 400, 30), _line("2025-04-20 18:10", 600, 270, 900, 30),
             _line("我们小区3栋的电梯这个月已经坏了四次，物业只贴一张停用告示，住在", 30, 340, 1050, 34),
             _line("12楼的住户每天爬楼，老人根本下不了楼，请有关部门督促物业维修。", 30, 385, 1050, 34),
             _line("联系电话：13800001111", 30, 430, 400, 34)]
    post = parse_post(lines, FORWARDED, size=(1080, 800))
    assert "请有关部门督促物业维修" in post.body and "13800001111" in post.body
