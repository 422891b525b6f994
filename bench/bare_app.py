"""The baseline for bench/webhook.py: a bare Flask endpoint that reads the JSON and returns 202."""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/simulator/api/messages")
def messages():  # type: ignore[no-untyped-def]
    body = request.get_json(silent=True) or {}
    return jsonify(msg_id=body.get("msg_id", "")), 202
