"""Generated province-scale data for benchmarks and scale tests (``niemyet synth``; see province.py)."""
