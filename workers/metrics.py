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

# Language model calls, by the stage and the deployment that answered ("none" when no answer came).
# outcome: ok | invalid (asked again) | gave_up (the stage fell back offline) | error (every model failed)
LLM_CALLS = Counter("jobwise_llm_calls_total", "Language model calls", ["stage", "model", "outcome"])
LLM_TOKENS = Counter(
    "jobwise_llm_tokens_total", "Language model tokens", ["stage", "model", "direction"]
)  # direction: input | output
LLM_COST = Counter(
    "jobwise_llm_cost_usd_total", "Estimated language model cost in US dollars", ["stage", "model"]
)
LLM_LATENCY = Histogram(
    "jobwise_llm_call_seconds",
    "Time per language model call",
    ["stage", "model"],
    buckets=(0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120),
)
LLM_FALLBACKS = Counter(
    "jobwise_llm_fallbacks_total", "Stages that fell back to the offline result", ["stage"]
)
# result: hit | miss
ANALYSIS_CACHE = Counter("jobwise_analysis_cache_total", "Job analysis cache look-ups", ["result"])
