"""Dossier: turn a folder of raw news articles into a searchable research website."""

__version__ = "0.1.0"
