"""Build benchmarks: `python -m benchmarks.run` (see README, "Performance")."""
