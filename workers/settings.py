"""What the workers read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping

from models.session import DEFAULT_DATABASE_URL


class WorkerSettings:
    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.database_url = env.get("DATABASE_URL") or DEFAULT_DATABASE_URL
        self.redis_url = env.get("REDIS_URL", "")
        self.llm_config_path = env.get("JOBWISE_LLM_CONFIG", "")
        self.default_generator = env.get("JOBWISE_DEFAULT_GENERATOR", "offline")
        self.ats_target = float(env.get("JOBWISE_ATS_TARGET", "0.85"))
        # A stage silent for longer than its timeout is presumed lost with its worker and is re-enqueued,
        # at most max_enqueues times in all; then the generation fails with the reason.
        self.llm_stage_timeout_s = float(env.get("JOBWISE_LLM_STAGE_TIMEOUT_S", "600"))
        self.cpu_stage_timeout_s = float(env.get("JOBWISE_CPU_STAGE_TIMEOUT_S", "300"))
        self.queued_timeout_s = float(env.get("JOBWISE_QUEUED_TIMEOUT_S", "900"))
        self.max_enqueues = int(env.get("JOBWISE_MAX_ENQUEUES", "3"))
        self.metrics_port = int(env.get("WORKER_METRICS_PORT", "0"))
        self.log_level = env.get("LOG_LEVEL", "INFO")


settings = WorkerSettings()
