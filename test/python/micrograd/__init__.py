"""A test stand-in for the micrograd package (see engine.py)."""
