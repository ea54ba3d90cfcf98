"""International: subsidiefonds."""
