"""A per-robot token bucket in Redis, shared by every process that sends through a robot.

Group robots on both platforms accept 20 messages per minute each (WeCom webhook doc
https://developer.work.weixin.qq.com/document/path/99110; DingTalk custom robot doc, which
then throttles the robot for 10 minutes). Workers check the bucket before sending; a refused
send is rescheduled after the returned wait instead of being dropped.

Usage::

    bucket = TokenBucket(services.redis, f"wecom:{robot_key_hash}", capacity=20, per_seconds=60)
    ok, wait_s = bucket.try_acquire()
    if not ok:
        return SendResult(ok=False, retryable=True, retry_after_s=wait_s, error="rate_limited")

The key is stored under ``ratelimit:`` and expires when the bucket would be full again, so
nothing here is state that cannot be rebuilt.
"""

from __future__ import annotations

import math
import time
from typing import Any

__all__ = ["TokenBucket", "ROBOT_LIMITS"]

# Per-platform robot limits: (capacity, per_seconds).
ROBOT_LIMITS: dict[str, tuple[int, float]] = {"wecom": (20, 60.0), "dingtalk": (20, 60.0)}

# Atomic refill-and-take: KEYS[1]; ARGV = capacity, refill per second, now (s), tokens wanted.
_SCRIPT = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local want = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil then tokens = capacity; ts = now end
if now > ts then tokens = math.min(capacity, tokens + (now - ts) * rate); ts = now end
local ok = 0
local wait = 0
if tokens >= want then
  tokens = tokens - want
  ok = 1
else
  wait = (want - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return {ok, tostring(wait)}
"""


class TokenBucket:
    """``capacity`` sends per ``per_seconds`` for one robot, refilled continuously."""

    def __init__(self, redis: Any, key: str, capacity: int = 20, per_seconds: float = 60.0) -> None:
        self.redis = redis
        self.key = f"ratelimit:{key}"
        self.capacity = capacity
        self.rate = capacity / per_seconds
        self._script = redis.register_script(_SCRIPT)

    @classmethod
    def for_robot(cls, redis: Any, platform: str, robot_id: str) -> TokenBucket:
        capacity, per_seconds = ROBOT_LIMITS[platform]
        return cls(redis, f"{platform}:{robot_id}", capacity=capacity, per_seconds=per_seconds)

    def try_acquire(self, tokens: int = 1, now: float | None = None) -> tuple[bool, float]:
        """Take ``tokens`` if available. Returns (taken, seconds to wait before trying again)."""
        at = time.time() if now is None else now
        ok, wait = self._script(keys=[self.key], args=[self.capacity, self.rate, f"{at:.6f}", tokens])
        return bool(int(ok)), math.ceil(float(wait) * 1000) / 1000

    def drain(self, now: float | None = None) -> None:
        """Empty the bucket (after the platform itself said "too fast": trust it over our count)."""
        at = time.time() if now is None else now
        self.redis.hset(self.key, mapping={"tokens": "0", "ts": f"{at:.6f}"})
        self.redis.expire(self.key, math.ceil(self.capacity / self.rate) + 1)
