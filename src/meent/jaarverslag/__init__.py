"""Jaarverslag."""
