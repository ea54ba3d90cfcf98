"""International: inzamelingen (crowdfunding among the association's staff).

After the coup in Myanmar (2021) local colleagues of VNG International lost their work; an **inzameling**
(collection, a crowdfunding campaign) among the staff of the association and its companies raised money for them.
A campaign has a purpose, a target amount, an end date and its **begunstigden** (beneficiaries), described without
naming anyone publicly. Staff make a **toezegging** (pledge: amount, their name or anonymous, an optional message);
there is no payment provider, so International staff confirm each pledge once the money is received. The public
page shows the progress — raised against the target and the number of gifts — and stops taking pledges after the
end date. Amounts are ``Decimal`` euros throughout.
"""
