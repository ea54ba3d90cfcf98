"""Realisatie: the company that runs the IBD, this benchmark site and joint procurement."""
