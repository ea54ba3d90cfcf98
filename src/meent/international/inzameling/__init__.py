"""International: inzamelingen."""
