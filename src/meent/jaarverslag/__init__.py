"""Jaarverslag: the association's annual report, computed from the platform's own records.

A *jaarverslag* (annual report) per year has *hoofdstukken* (chapters: one per company plus the association,
seeded from the modules' chapter drafts in ``meent.core.registry.chapters``) made of *blokken* (content blocks in
Markdown: text, a *citaat* — quote with speaker — or an interview for the *Mensenwerk* column). Blocks place key
figures (*kerncijfers*) by key; a figure without data reads "geen gegevens", never 0. *Publiceren* (publishing)
freezes the text and every figure's value; corrections to the records afterwards show up in the editor as
differences, and a new *versie* needs a change note. Every figure links to its *definitie* and, for a signed-in
user, to the records it counts (as far as that user may see them).
"""
