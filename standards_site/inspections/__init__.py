"""Inspections: reports, their ratings, recommendations and the action plans that answer them."""
