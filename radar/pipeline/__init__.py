"""The pure steps from assessments to a drawn radar: scoring, layout, history, views.

No I/O here: every function takes data and returns data.
"""
