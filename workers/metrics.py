"""Prometheus metrics of the pipeline. Served by /metrics in the embedded mode and by each worker's own
endpoint when WORKER_METRICS_PORT is set (prefork children share PROMETHEUS_MULTIPROC_DIR)."""

from prometheus_client import Counter, Histogram

STAGE_DURATION = Histogram(
    "jobwise_stage_duration_seconds",
    "Time spent in a pipeline stage",
    ["stage"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)
# outcome: succeeded | retried | failed | skipped (the generation had ended or was cancelled)
STAGE_OUTCOMES = Counter(
    "jobwise_stage_outcomes_total", "Pipeline stage runs by outcome", ["stage", "outcome"]
)
GENERATIONS_FINISHED = Counter(
    "jobwise_generations_finished_total", "Generations by final status", ["status"]
)
# action: requeued | failed
SWEEPER_ACTIONS = Counter("jobwise_sweeper_actions_total", "Stuck generations handled", ["action"])
