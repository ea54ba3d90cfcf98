"""Pages of the crowdfunding. The campaign page is public (nl/en/fr); giving needs a staff account."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from meent.core.refusals import Refused
from meent.core.views import RuleView
from meent.international.inzameling import forms, selectors, services
from meent.international.inzameling.models import Campaign, Pledge


def _add(form, refused: Refused) -> None:
    refused.add_to(form, refused.field if refused.field in form.fields else None)


class CampaignListView(RuleView, TemplateView):
    permission_required = "inzameling.view_campaigns"
    template_name = "inzameling/campaign_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = Paginator(selectors.campaigns(), 25).get_page(self.request.GET.get("page"))
        rows = [(c, selectors.progress(c), services.is_open(c)) for c in page.object_list]
        context.update(
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            rows=rows,
            can_manage=self.request.user.has_perm("inzameling.manage"),
        )
        return context


class CampaignCreateView(RuleView, View):
    permission_required = "inzameling.manage"
    template_name = "inzameling/campaign_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": forms.CampaignForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.CampaignForm(request.POST)
        if form.is_valid():
            try:
                campaign = services.create_campaign(by=request.user, **form.cleaned_data)
            except Refused as refused:
                _add(form, refused)
            else:
                return redirect("inzameling:campaign-detail", campaign.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class CampaignDetailView(RuleView, View):
    """The public page: purpose, beneficiaries (without names), progress and gifts; the pledge form for staff."""

    permission_required = "inzameling.view_campaigns"
    template_name = "inzameling/campaign_detail.html"

    def context(self, request: HttpRequest, campaign: Campaign, form=None) -> dict:
        is_open = services.is_open(campaign)
        can_pledge = request.user.has_perm("inzameling.pledge") and is_open
        return {
            "campaign": campaign,
            "progress": selectors.progress(campaign),
            "gifts": selectors.public_gifts(campaign)[:50],
            "is_open": is_open,
            "can_pledge": can_pledge,
            "can_manage": request.user.has_perm("inzameling.manage"),
            "form": form or (forms.PledgeForm() if can_pledge else None),
        }

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        return render(request, self.template_name, self.context(request, campaign))


class PledgeView(CampaignDetailView):
    permission_required = "inzameling.pledge"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return redirect("inzameling:campaign-detail", pk)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        form = forms.PledgeForm(request.POST)
        if form.is_valid():
            try:
                services.pledge(campaign, by=request.user, **form.cleaned_data)
            except Refused as refused:
                _add(form, refused)
            else:
                messages.success(
                    request, _("Dank u! Uw toezegging is vastgelegd; de gift telt mee zodra het geld binnen is.")
                )
                return redirect("inzameling:campaign-detail", campaign.pk)
        return render(request, self.template_name, self.context(request, campaign, form), status=400)


class PledgeListView(RuleView, TemplateView):
    permission_required = "inzameling.manage"
    template_name = "inzameling/pledge_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        campaign = get_object_or_404(Campaign, pk=self.kwargs["pk"])
        page = Paginator(campaign.pledges.select_related("donor"), 50).get_page(self.request.GET.get("page"))
        context.update(
            campaign=campaign,
            progress=selectors.progress(campaign),
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
        )
        return context


class ConfirmView(RuleView, View):
    permission_required = "inzameling.manage"

    def post(self, request: HttpRequest, pk: int, pledge: int) -> HttpResponse:
        item = get_object_or_404(Pledge, pk=pledge, campaign_id=pk)
        try:
            services.confirm(item, by=request.user)
        except Refused as refused:
            messages.error(request, refused.errors[0])
        else:
            messages.success(request, _("De ontvangst is bevestigd."))
        return redirect("inzameling:pledge-list", pk)
