"""Naleving."""
