"""Risicobeheer."""
