"""International: the association's international company (VNG International).

It strengthens local government abroad — programmes and projects in some forty countries, funded by international
donors and the Dutch Ministry of Foreign Affairs — and supports its partners with a grant fund, the CriT helpdesk
(Crisis & Transition support) and a crowdfunding among staff. Each part is an app of its own in this package.
"""
