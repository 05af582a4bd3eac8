"""Helpers shared by the tests: hypothesis strategies, stand-in fixtures, Pilot helpers."""
