"""International: CriT-helpdesk (Crisis & Transition support).

When the pandemic began, VNG International's partners abroad asked how Dutch gemeenten handle a crisis. Their
**vragen** (questions) come in through a public form — in Dutch, English or French, confirmed by a signed link
sent to the asker's e-mail address — or are registered by staff on behalf of a partner organisation from the
members registry. A **pool** of (former) Dutch administrators and officials (*oud-bestuurders en ambtenaren*) answers
them: for each question the system ranks the experts (expertise, language, availability, load) and explains why;
staff assign one or more, and the experts answer through their own account in the question's threaded log. The
first answer is due within a number of business hours (``meent.core.business_hours``); on closing, the partner is
asked for satisfaction (1–5, again by signed link). Staff share exchanges with the Dutch municipalities' sounding
board (*bestuurlijke klankbordgroep*) as anonymised summaries (*samenvattingen*) without names.
"""
