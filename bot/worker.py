"""The RQ worker process: recovers unprocessed work from the database, then works the queue."""

from __future__ import annotations

import logging

from rq import Worker

from bot.config import Settings
from bot.jobs import worker_services
from bot.messaging.recovery import recover

log = logging.getLogger(__name__)

MAINTENANCE_S = 60


def run_worker(burst: bool = False, with_scheduler: bool = True) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    services = worker_services()
    settings: Settings = services.settings
    recover(services, min_age_s=0)
    # Load OCR and routing models once here; each job's work horse is forked from this process.
    warm_up()
    # Each work horse is a fork of this process: a pooled connection left here would be shared by
    # every horse. After a database restart it stays dead and every job's first query fails; a horse
    # SIGKILLed mid-transaction leaves it open for the next horse to commit. Horses connect themselves.
    services.engine.dispose()
    # rq's maintenance (default every 10 min) is also when a worker retries the scheduler lock that a
    # SIGKILLed worker left behind (it expires after ~1 min) and cleans jobs whose worker died
    # mid-job: until then delivery retries and such a job wait. Every minute keeps that wait short.
    worker = Worker([settings.queue_name], connection=services.redis, maintenance_interval=MAINTENANCE_S)
    worker.work(burst=burst, with_scheduler=with_scheduler, logging_level="INFO")


def warm_up() -> None:
    """Load the OCR engine and routing models in the worker's parent process, once: each job's
    work horse is forked from it and shares the loaded models instead of loading them per job.

    Best effort throughout: a model that fails to load fails the posts that need it, not the
    worker (commands, deliveries and reminders need none), and each post then loads it itself."""
    import time

    import handlers.entry  # noqa: F401  every inbound job runs it: imported (and compiled) once, here

    # The OCR engine and the post parser's models (jieba, gazetteer, line roles): ~8 s that every
    # horse would otherwise pay again on its first screenshot.
    for name, load in (("intake (OCR engine, line-role model, gazetteer, jieba)", _preload_intake),
                       ("routing category model", _load_category_model),
                       ("routing unit model", _load_unit_model)):
        started = time.monotonic()
        try:
            load()
        except Exception as exc:
            log.warning("warm-up: %s not preloaded (%s: %s); the first job that needs it loads it itself",
                        name, exc.__class__.__name__, exc)
        else:
            log.info("warm-up: %s loaded in %.1f s", name, time.monotonic() - started)


def _preload_intake() -> None:
    from bot.intake.pipeline import preload

    preload()


def _load_category_model() -> None:
    from bot.routing.category_model import get_category_model

    get_category_model()


def _load_unit_model() -> None:
    from bot.routing.unit_model import get_unit_model

    get_unit_model()
