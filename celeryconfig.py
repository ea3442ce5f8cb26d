"""Celery settings, from ``settings``. JSON only; tasks receive ids, never documents or personal data.

With no broker configured (no CELERY_BROKER_URL) tasks run eagerly, in process: the embedded demo mode
on SQLite. Redis (redis://) and RabbitMQ (amqp://) both work as brokers.
"""

from settings import settings

# Queues, named only here. LLM-bound stages wait on the network: many at once on a threads pool.
# CPU stages (scoring, PDF rendering) run on a prefork pool sized to the cores.
LLM_QUEUE = f"{settings.jobwise_queue_prefix}llm"
CPU_QUEUE = f"{settings.jobwise_queue_prefix}cpu"

broker_url = settings.broker_url
task_always_eager = broker_url == "memory://"
broker_connection_retry_on_startup = True
broker_transport_options = {"visibility_timeout": settings.celery_visibility_timeout}

task_serializer = "json"
accept_content = ["json"]
task_ignore_result = True  # Postgres holds every state a client can see
task_acks_late = True  # a message is acknowledged after its task ends...
task_reject_on_worker_lost = True  # ...and goes back to the queue if the worker process dies mid-task
worker_prefetch_multiplier = 1
task_track_started = True
task_send_sent_event = True  # Flower shows queued tasks
worker_send_task_events = True
worker_hijack_root_logger = False

task_default_queue = CPU_QUEUE
task_routes = {
    "jobwise.analyze_job": {"queue": LLM_QUEUE},
    "jobwise.compile_profile": {"queue": LLM_QUEUE},
    "jobwise.generate_documents": {"queue": LLM_QUEUE},
    "jobwise.validate_quality": {"queue": CPU_QUEUE},
    "jobwise.export_documents": {"queue": CPU_QUEUE},
    "jobwise.sweep_stuck_generations": {"queue": CPU_QUEUE},
    # Webhook deliveries wait on the network: the threads pool.
    "jobwise.deliver_webhook": {"queue": LLM_QUEUE},
    "jobwise.dispatch_webhooks": {"queue": LLM_QUEUE},
}

# The sweeper re-enqueues generations whose worker went silent (a killed worker's message is otherwise
# not redelivered until the visibility timeout) and fails them after the last attempt.
beat_schedule = {
    "sweep-stuck-generations": {
        "task": "jobwise.sweep_stuck_generations",
        "schedule": settings.jobwise_sweep_interval_s,
    },
    "dispatch-webhooks": {"task": "jobwise.dispatch_webhooks", "schedule": 30.0},
}
