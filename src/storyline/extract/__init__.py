"""Extraction: actors, events, quotes, time and places from analysed articles."""
