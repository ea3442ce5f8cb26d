"""Celery settings, from ``settings``. JSON only; tasks receive ids, never documents or personal data.

With no broker configured (no CELERY_BROKER_URL) tasks run eagerly, in process: the embedded demo mode
on SQLite. Redis (redis://) and RabbitMQ (amqp://) both work as brokers.
"""

from kombu import Queue

from settings import settings

# Queues, named only here. LLM-bound stages wait on the network: many at once on a threads pool.
# CPU stages (scoring, PDF rendering) run on a prefork pool sized to the cores.
LLM_QUEUE = f"{settings.jobwise_queue_prefix}llm"
CPU_QUEUE = f"{settings.jobwise_queue_prefix}cpu"

broker_url = settings.broker_url
task_always_eager = broker_url == "memory://"
broker_connection_retry_on_startup = True
broker_transport_options: dict[str, object] = {"visibility_timeout": settings.celery_visibility_timeout}
if broker_url.startswith("amqp") or broker_url.startswith("pyamqp"):
    if settings.jobwise_confirm_publish:
        # A publish returns once RabbitMQ has taken responsibility for the message (publisher confirms).
        broker_transport_options["confirm_publish"] = True
    if settings.jobwise_quorum_queues:
        # Replicated queues that survive a node restart (Celery >= 5.5). They refuse global QoS: the worker
        # detects them and sets the prefetch per consumer. Countdowns (retry backoff) use RabbitMQ's native
        # delayed delivery, which Celery sets up for quorum queues.
        task_queues = [
            Queue(name, routing_key=name, queue_arguments={"x-queue-type": "quorum"})
            for name in (LLM_QUEUE, CPU_QUEUE)
        ]
        worker_detect_quorum_queues = True

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
    # The sweeper waits on the database, not the CPU: on the threads pool, never behind PDF rendering.
    "jobwise.sweep_stuck_generations": {"queue": LLM_QUEUE},
    # Webhook deliveries wait on the network: the threads pool.
    "jobwise.deliver_webhook": {"queue": LLM_QUEUE},
    "jobwise.dispatch_webhooks": {"queue": LLM_QUEUE},
}

# The sweeper re-enqueues stages whose worker stopped beating (a killed worker's message is otherwise not
# redelivered until the visibility timeout), re-publishes lost messages, and fails a generation after the
# last attempt. A sweep nobody ran within one interval expires: the next one does the same work.
beat_schedule = {
    "sweep-stuck-generations": {
        "task": "jobwise.sweep_stuck_generations",
        "schedule": settings.jobwise_sweep_interval_s,
        "options": {"expires": settings.jobwise_sweep_interval_s},
    },
    "dispatch-webhooks": {"task": "jobwise.dispatch_webhooks", "schedule": 30.0},
}
