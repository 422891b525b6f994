"""Evaluate 专报 topic grouping on the public hot-issues set (4,233 board messages with likes).

No topic labels exist, so we measure: intra-topic TF-IDF cosine vs random pairs (cohesion), place
purity (share of a topic's messages naming its main place), and print the top topics by heat
(messages + likes) as keywords and place only (bodies are personal data: never printed).
Usage: .venv/bin/python bench/topics.py [PATH]
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.reports.topics import TopicItem, cohesion, find_topics  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "citizen-messages" / "hot_issues.jsonl"


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skipped: {path} not found (the public data set is not in the repo on purpose)")
        return 0
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append(TopicItem(id=row["id"], title=row.get("title") or "", body=row.get("body") or "",
                               created_at=datetime.fromisoformat(row["time"][:19]), likes=int(row.get("likes") or 0)))
    started = time.perf_counter()
    topics = find_topics(items, window_days=30, min_cases=5)
    elapsed = time.perf_counter() - started
    scores = cohesion(items, topics)
    print(f"messages={len(items)} topics(>=5 in 30 days)={len(topics)} "
          f"covered={sum(len(t.items) for t in topics)} seconds={elapsed:.1f}")
    print(f"intra_topic_cosine={scores['intra_topic_cosine']:.3f} random_pair_cosine={scores['random_pair_cosine']:.3f} "
          f"place_purity={scores['place_purity']:.2f}")
    for rank, topic in enumerate(topics[:10], 1):
        print(f"{rank:>2}. heat={topic.heat:<5} cases={len(topic.items):<3} peak30d={topic.peak_window:<3} "
              f"place={topic.place or '-'}  keywords={'、'.join(topic.keywords)}")
    ratio = scores["intra_topic_cosine"] / scores["random_pair_cosine"] if scores["random_pair_cosine"] else 0
    print(f"ratio={ratio:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
