"""Realisatie: the association's company that builds and runs shared services for gemeenten.

It holds the Informatiebeveiligingsdienst (IBD, the security-incident desk of all gemeenten, sub-app
``realisatie.ibd``), the Waarstaatjegemeente-style benchmark site (``realisatie.benchmark``) and joint
procurement on behalf of the members.
"""
