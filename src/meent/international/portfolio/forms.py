from django import forms
from django.utils.translation import gettext_lazy as _

from meent.international.portfolio.models import Reason, Status
from meent.international.portfolio.services import allowed_next


class StatusChangeForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Nieuwe status"))
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.ChoiceField(label=_("Reden"), choices=[c for c in Reason.choices if c[0] != Reason.NEW])
    explanation = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Wat er gebeurde en wat het voor het project betekent."),
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        # The form offers what the state machine allows; the service checks it again.
        self.fields["to_status"].choices = [(s, Status(s).label) for s in allowed_next(current)]
