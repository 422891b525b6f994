"""At most N sends per robot in any 60 seconds: a sliding window in Redis, shared by every process.

Group robots on both platforms accept 20 messages per robot per minute (WeCom webhook doc
https://developer.work.weixin.qq.com/document/path/99110 "每个机器人发送的消息不能超过20条/分钟";
DingTalk custom robot doc https://open.dingtalk.com/document/group/custom-robot-access, which then
throttles the robot for 10 minutes; docs/protocols.md §4, §7, §9). The platforms count a window,
not a refill rate: a bucket of 20 refilled continuously lets ~39 through in 60 s. So each robot has
a sorted set of the times of its recent sends, and a send is admitted only while fewer than 20 lie
in the last 60 s — checked and recorded in one Lua script, so two workers cannot both take the
20th place.

Usage::

    window = SlidingWindow.for_robot(services.redis, "wecom", robot_key_hash)
    admission = window.try_acquire()
    if not admission.allowed:
        return SendResult(ok=False, retryable=True, retry_after_s=admission.wait_s, error="rate_limited")
    ... send ...
    window.confirm(admission.slot)  # once the platform has answered

Time is the process clock (``time.time()``), never Redis ``TIME``: the platforms compare their own
clock, and tests move ours with time-machine. ``confirm`` moves the send's time to when the platform
answered, which is no earlier than when it counted the send, so network latency cannot make a
window we think is 60 s look shorter to the platform.

Keys live under ``ratelimit:`` and expire a window after the last send, so nothing here is state
that cannot be rebuilt.
"""

from __future__ import annotations

import math
import time
import uuid
from typing import Any, NamedTuple

__all__ = ["ROBOT_LIMITS", "Admission", "SlidingWindow"]

# Per-platform robot limits: (sends, per seconds).
ROBOT_LIMITS: dict[str, tuple[int, float]] = {"wecom": (20, 60.0), "dingtalk": (20, 60.0)}

# KEYS[1] the robot's window; ARGV = limit, window (s), now (s), slot id.
# A send at t leaves the window at t + window exactly, as the platforms count it (the fakes too).
_ACQUIRE = """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('EXPIRE', KEYS[1], math.ceil(window) + 1)
  return {1, '0'}
end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return {0, tostring(tonumber(oldest[2]) + window - now)}
"""

# KEYS[1]; ARGV = window (s), now (s), slot id. Only a slot still in the window moves.
_CONFIRM = """
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[3])
  redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[1])) + 1)
end
return 1
"""


class Admission(NamedTuple):
    allowed: bool
    wait_s: float  # when refused: seconds until a place frees up
    slot: str = ""  # when allowed: pass to ``confirm`` after the send


class SlidingWindow:
    """``limit`` sends per ``per_seconds`` for one robot, counted over any window of that length."""

    def __init__(self, redis: Any, key: str, limit: int = 20, per_seconds: float = 60.0) -> None:
        self.redis = redis
        self.key = f"ratelimit:{key}"
        self.limit = limit
        self.per_seconds = per_seconds
        self._acquire = redis.register_script(_ACQUIRE)
        self._confirm = redis.register_script(_CONFIRM)

    @classmethod
    def for_robot(cls, redis: Any, platform: str, robot_id: str) -> SlidingWindow:
        limit, per_seconds = ROBOT_LIMITS[platform]
        return cls(redis, f"{platform}:{robot_id}", limit=limit, per_seconds=per_seconds)

    def try_acquire(self, now: float | None = None) -> Admission:
        """Take a place in the window if there is one; else say how long until there is."""
        at = time.time() if now is None else now
        slot = uuid.uuid4().hex
        ok, wait = self._acquire(keys=[self.key], args=[self.limit, self.per_seconds, f"{at:.6f}", slot])
        if int(ok):
            return Admission(True, 0.0, slot)
        return Admission(False, math.ceil(float(wait) * 1000) / 1000)

    def confirm(self, slot: str, now: float | None = None) -> None:
        """The platform has answered the send of ``slot``: count it from now."""
        at = time.time() if now is None else now
        self._confirm(keys=[self.key], args=[self.per_seconds, f"{at:.6f}", slot])

    def drain(self, now: float | None = None) -> None:
        """Fill the window (the platform itself said "too fast": trust it over our count)."""
        at = time.time() if now is None else now
        self.redis.zadd(self.key, {f"drained:{uuid.uuid4().hex}:{i}": at for i in range(self.limit)})
        self.redis.expire(self.key, math.ceil(self.per_seconds) + 1)
