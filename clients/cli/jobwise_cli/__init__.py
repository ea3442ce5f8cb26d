"""``jobwise``: the JobWise command line (log in, submit batches, follow and download generations).

It talks to the server only through the generated typed client (``jobwise_client``)."""

__version__ = "0.1.0"
