"""The unit directory on the web: list, edit one unit, YAML import/export (bot.cases.directory)."""

from __future__ import annotations

import re

import yaml
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.cases.directory import DirectoryError, export_directory, import_directory
from bot.chat_platforms import LABELS
from bot.web.auth import _db_session, login_required, protect_forms
from bot.web.dashboard import people
from bot.web.dashboard import view_helpers as vh
from models import Person, Unit

blueprint = Blueprint("units", __name__, url_prefix="/dashboard/units")
blueprint.before_request(protect_forms)
blueprint.context_processor(vh.page_globals)

LIST_FIELDS = {"aliases": "简称", "keywords": "关键词", "categories": "负责分类", "places": "负责地域"}
PLATFORMS = LABELS  # name → label, from the one list of chat platforms
MAX_ITEMS = 200
MAX_ITEM_CHARS = 64
MAX_YAML_BYTES = 512 * 1024
_SPLIT = re.compile(r"[,，、\n]+")


def _items(raw: str, label: str) -> list[str]:
    items = [x.strip() for x in _SPLIT.split(raw) if x.strip()]
    if len(items) > MAX_ITEMS or any(len(x) > MAX_ITEM_CHARS for x in items):
        raise ValueError(f"{label}最多 {MAX_ITEMS} 项，每项不超过 {MAX_ITEM_CHARS} 字。")
    return list(dict.fromkeys(items))


@blueprint.get("")
@login_required("view_units")
def list_units():  # type: ignore[no-untyped-def]
    units = list(_db_session().scalars(select(Unit).options(selectinload(Unit.members)).order_by(Unit.id)))
    return render_template("dashboard/units.html", units=units, fields=LIST_FIELDS, platforms=PLATFORMS)


@blueprint.route("/<int:unit_id>", methods=["GET", "POST"])
@login_required("edit_units")
def edit_unit(unit_id: int):  # type: ignore[no-untyped-def]
    db = _db_session()
    unit = db.get(Unit, unit_id)
    if unit is None:
        abort(404)
    if request.method == "POST":
        try:
            name = request.form.get("name", "").strip()
            if not name or len(name) > 128:
                raise ValueError("单位名称不能为空，且不超过 128 字。")
            clash = db.scalar(select(Unit).where(Unit.name == name, Unit.id != unit.id))
            if clash is not None:
                raise ValueError("已有同名单位。")
            values = {key: _items(request.form.get(key, ""), label) for key, label in LIST_FIELDS.items()}
            chats = {}
            for platform, label in PLATFORMS.items():
                chat = request.form.get(f"chat_{platform}", "").strip()
                if len(chat) > 191:
                    raise ValueError(f"{label}群 ID 过长。")
                if chat:
                    chats[platform] = chat
        except ValueError as exc:
            flash(str(exc), "error")
            return _edit_page(unit), 400
        unit.name = name
        for key, items in values.items():
            setattr(unit, key, items)
        unit.chats = chats
        db.commit()
        flash(f"已保存 {unit.name}。", "ok")
        return redirect(url_for("units.list_units"))
    return _edit_page(unit)


def _edit_page(unit: Unit) -> str:
    members = sorted((p for p in unit.members if p.active), key=lambda p: (p.role != "leader", p.id))
    return render_template("dashboard/unit_edit.html", unit=unit, fields=LIST_FIELDS, platforms=PLATFORMS,
                           members=members, person_roles=people.UNIT_ROLES)


def _unit_or_404(unit_id: int) -> Unit:
    unit = _db_session().get(Unit, unit_id)
    if unit is None:
        abort(404)
    return unit  # type: ignore[no-any-return]


def _person_or_404(unit: Unit, person_id: int) -> Person:
    person = _db_session().get(Person, person_id)
    if person is None or person.unit_id != unit.id:
        abort(404)
    return person  # type: ignore[no-any-return]


def _people_change(unit: Unit, change, done: str):  # type: ignore[no-untyped-def]
    db = _db_session()
    try:
        change()
    except people.PersonError as exc:
        db.rollback()
        flash(str(exc), "error")
        return _edit_page(unit), 400
    db.commit()
    flash(done, "ok")
    return redirect(url_for("units.edit_unit", unit_id=unit.id) + "#people")


@blueprint.post("/<int:unit_id>/people")
@login_required("edit_units")
def add_person(unit_id: int):  # type: ignore[no-untyped-def]
    unit = _unit_or_404(unit_id)
    return _people_change(unit, lambda: people.add_person(_db_session(), unit, request.form),
                          f"已添加 {request.form.get('name', '').strip()}。")


@blueprint.post("/<int:unit_id>/people/<int:person_id>")
@login_required("edit_units")
def update_person(unit_id: int, person_id: int):  # type: ignore[no-untyped-def]
    unit = _unit_or_404(unit_id)
    person = _person_or_404(unit, person_id)
    return _people_change(unit, lambda: people.update_person(_db_session(), person, request.form),
                          f"已保存 {request.form.get('name', '').strip()}。")


@blueprint.post("/<int:unit_id>/people/<int:person_id>/remove")
@login_required("edit_units")
def remove_person(unit_id: int, person_id: int):  # type: ignore[no-untyped-def]
    unit = _unit_or_404(unit_id)
    person = _person_or_404(unit, person_id)
    return _people_change(unit, lambda: people.remove_person(person), f"已移除 {person.name}。")


@blueprint.get("/export.yaml")
@login_required("edit_units")
def export_yaml():  # type: ignore[no-untyped-def]
    text = yaml.safe_dump(export_directory(_db_session()), allow_unicode=True, sort_keys=False)
    return Response(text, mimetype="application/x-yaml",
                    headers={"Content-Disposition": "attachment; filename=units.yaml"})


@blueprint.post("/import")
@login_required("edit_units")
def import_yaml():  # type: ignore[no-untyped-def]
    upload = request.files.get("file")
    data = upload.read(MAX_YAML_BYTES + 1) if upload else b""
    if not data or len(data) > MAX_YAML_BYTES:
        return vh.error_page(400, "请选择不超过 512 KB 的 YAML 文件。")
    try:
        raw = yaml.safe_load(data.decode("utf-8"))
        if not isinstance(raw, dict) or not isinstance(raw.get("units"), list):
            raise DirectoryError("文件应包含 units 列表。")
        db = _db_session()
        summary = import_directory(db, raw, vh.services().clock.now(), vh.services().settings.timezone)
        db.commit()
    except (yaml.YAMLError, UnicodeDecodeError, DirectoryError, TypeError, AttributeError, KeyError) as exc:
        _db_session().rollback()
        return vh.error_page(400, f"导入失败，未做任何修改：{exc if isinstance(exc, DirectoryError) else '文件格式不正确'}")
    flash(f"已导入 {summary.units} 个单位、{summary.people} 名人员。", "ok")
    return redirect(url_for("units.list_units"))
