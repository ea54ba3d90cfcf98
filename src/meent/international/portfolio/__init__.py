"""International: programma's en projecten."""
