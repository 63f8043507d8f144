"""Calls: call history, missed calls, recordings (issue #18)."""
