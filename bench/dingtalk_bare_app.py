"""The baseline for bench/dingtalk_callback.py: a bare Flask endpoint that reads the JSON and returns 200."""

from flask import Flask, jsonify, request  # noqa: TID251 (a bare HTTP baseline)

app = Flask(__name__)


@app.get("/")
def index():  # type: ignore[no-untyped-def]
    return "ok"


@app.post("/dingtalk/callback")
def callback():  # type: ignore[no-untyped-def]
    body = request.get_json(silent=True) or {}
    return jsonify(msg_id=body.get("msgId", ""))
