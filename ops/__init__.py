"""What an operator needs from the running site (a plain package on the ground floor, not a
Django app): health endpoints for a load balancer, request ids and log lines, and the guard
that keeps a Redis outage from slowing every page (docs/operations/faults-and-health.md)."""
