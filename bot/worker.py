"""The RQ worker process: recovers unprocessed work from the database, then works the queue."""

from __future__ import annotations

import logging

from rq import Worker

from bot.config import Settings
from bot.jobs import worker_services
from bot.messaging.recovery import recover


def run_worker(burst: bool = False, with_scheduler: bool = True) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    services = worker_services()
    settings: Settings = services.settings
    recover(services, min_age_s=0)
    # Load OCR and routing models once here; each job's work horse is forked from this process.
    warm_up()
    worker = Worker([settings.queue_name], connection=services.redis)
    worker.work(burst=burst, with_scheduler=with_scheduler, logging_level="INFO")


def warm_up() -> None:
    """Load the OCR engine and routing models in the worker's parent process, once: each job's
    work horse is forked from it and shares the loaded models instead of loading them per job."""
    from bot.intake.ocr import get_engine
    from bot.routing.category_model import get_category_model
    from bot.routing.unit_model import get_unit_model

    get_engine()
    get_category_model()
    get_unit_model()
