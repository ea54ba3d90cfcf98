"""Gezamenlijke inkoop."""
