import rules

from meent.core.access import company_staff
from meent.core.roles import Role

is_realisatie = company_staff(Role.REALISATIE)

# Open data: every figure, chart and download is public; imports and their log are for Realisatie staff.
rules.add_perm("benchmark.view_data", rules.always_allow)
rules.add_perm("benchmark.view_dataimport", is_realisatie)
rules.add_perm("benchmark.add_dataimport", is_realisatie)
for model in ("indicator", "source"):
    rules.add_perm(f"benchmark.view_{model}", rules.always_allow)
    rules.add_perm(f"benchmark.change_{model}", is_realisatie)
    rules.add_perm(f"benchmark.delete_{model}", is_realisatie)
