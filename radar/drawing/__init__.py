"""Plotly figures: the radar itself and the charts beside it."""
