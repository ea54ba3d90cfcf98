"""International: CriT-helpdesk."""
