from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rules.contrib.admin import ObjectPermissionsModelAdmin

from meent.core.roles import Role
from meent.leden import services
from meent.leden.models import (
    Account,
    ApiModule,
    ApiToken,
    Gemeente,
    MachineClient,
    Membership,
    Organisation,
    Person,
    Population,
    Province,
    RoleChangeRequest,
    Succession,
    Veiligheidsregio,
)


class RegistryAdmin(ObjectPermissionsModelAdmin):
    """Admin pages ask the same rules as views and API (``leden.change_gemeente`` …)."""

    # Websites typed without a scheme are https, the default Django 6 adopts.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Gemeente)
class GemeenteAdmin(RegistryAdmin):
    list_display = ["name", "code", "kind", "province", "veiligheidsregio", "valid_from", "valid_until"]
    list_filter = ["kind", "province", "veiligheidsregio"]
    search_fields = ["name", "code", "aliases"]


@admin.register(Province)
class ProvinceAdmin(RegistryAdmin):
    list_display = ["name", "code"]


@admin.register(Veiligheidsregio)
class VeiligheidsregioAdmin(RegistryAdmin):
    list_display = ["code", "name", "inhabitants_reference"]


@admin.register(Succession)
class SuccessionAdmin(RegistryAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_date"]
    list_filter = ["kind", "effective_date"]


@admin.register(Population)
class PopulationAdmin(RegistryAdmin):
    list_display = ["gemeente", "year", "inhabitants"]
    list_filter = ["year"]
    search_fields = ["gemeente__name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(RegistryAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(RegistryAdmin):
    list_display = ["last_name", "first_name", "email"]
    search_fields = ["last_name", "first_name", "email"]


@admin.register(Account)
class AccountAdmin(UserAdmin, ObjectPermissionsModelAdmin):
    """Roles, permissions and superuser status are not editable here: roles change through a request that a
    second administrator approves (:class:`RoleChangeRequestAdmin`), superuser status only on the server."""

    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoonsgegevens"), {"fields": ("first_name", "last_name", "email")}),
        (_("Rollen"), {"fields": ("is_active", "roles", "is_staff", "is_superuser")}),
        (_("Belangrijke datums"), {"fields": ("last_login", "date_joined")}),
        ("Meent", {"fields": ("organisation", "person")}),
    )
    readonly_fields = ["roles", "is_staff", "is_superuser", "last_login", "date_joined"]
    list_display = ["username", "email", "organisation", "is_active"]
    list_filter = ["groups", "is_active"]
    autocomplete_fields = ["organisation", "person"]

    @admin.display(description=_("rollen"))
    def roles(self, obj: Account) -> str:
        return ", ".join(sorted(obj.groups.values_list("name", flat=True))) or "—"


class RoleChangeForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("rollen"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Het account krijgt precies deze rollen zodra een tweede beheerder de wijziging goedkeurt."),
    )

    class Meta:
        model = RoleChangeRequest
        fields = ["account", "roles", "reason"]


@admin.register(RoleChangeRequest)
class RoleChangeRequestAdmin(ObjectPermissionsModelAdmin):
    """Four eyes: one administrator asks, another approves or rejects; nobody decides on their own roles."""

    form = RoleChangeForm
    list_display = ["account", "roles", "status", "requested_by", "requested_at", "reason", "decided_by", "decided_at"]
    list_filter = ["status"]
    autocomplete_fields = ["account"]
    actions = ["approve", "reject"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        if obj is None:
            return ["status"]
        return [f.name for f in RoleChangeRequest._meta.fields]

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("leden.approve_rolechangerequest")

    def save_model(self, request: HttpRequest, obj, form, change) -> None:
        try:
            saved = services.request_role_change(
                by=request.user,
                account=form.cleaned_data["account"],
                roles=form.cleaned_data["roles"],
                reason=form.cleaned_data["reason"],
            )
        except services.RoleChangeRefused as refused:
            request._role_change_refused = str(refused)
            saved = refused.change
        obj.pk = saved.pk if saved else None

    def response_add(self, request: HttpRequest, obj, post_url_continue=None):
        refusal = getattr(request, "_role_change_refused", None)
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return self.response_post_save_add(request, obj)
        self.message_user(request, _("De rolwijziging wacht op goedkeuring door een tweede beheerder."))
        return self.response_post_save_add(request, obj)

    def _decide(self, request, queryset, decide, done: str) -> None:
        for change in queryset:
            try:
                decide(change, by=request.user)
            except services.RoleChangeRefused as refused:
                self.message_user(request, f"{change}: {refused}", messages.ERROR)
            else:
                self.message_user(request, f"{change.account}: {done}")

    @admin.action(description=_("Geselecteerde rolwijzigingen goedkeuren en doorvoeren"), permissions=["approve"])
    def approve(self, request: HttpRequest, queryset) -> None:
        self._decide(request, queryset, services.approve_role_change, _("goedgekeurd en doorgevoerd"))

    @admin.action(description=_("Geselecteerde rolwijzigingen afwijzen"), permissions=["approve"])
    def reject(self, request: HttpRequest, queryset) -> None:
        self._decide(request, queryset, services.reject_role_change, _("afgewezen"))


class MachineClientForm(forms.ModelForm):
    modules = forms.MultipleChoiceField(
        label=_("modules"), choices=ApiModule.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = MachineClient
        fields = ["name", "account", "modules", "can_write"]


@admin.register(MachineClient)
class MachineClientAdmin(ObjectPermissionsModelAdmin):
    form = MachineClientForm
    list_display = ["name", "account", "modules", "can_write", "created_at"]
    autocomplete_fields = ["account"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return ["name", "account", "modules", "can_write", "created_at"] if obj else []

    def save_model(self, request: HttpRequest, obj, form, change) -> None:
        data = form.cleaned_data
        client = services.create_machine_client(
            by=request.user,
            name=data["name"],
            account=data["account"],
            modules=data["modules"],
            can_write=data["can_write"],
        )
        obj.pk = client.pk


class ApiTokenForm(forms.ModelForm):
    days = forms.IntegerField(
        label=_("geldig (dagen)"), min_value=1, max_value=services.MAX_TOKEN_DAYS, initial=services.DEFAULT_TOKEN_DAYS
    )

    class Meta:
        model = ApiToken
        fields = ["client"]


@admin.register(ApiToken)
class ApiTokenAdmin(ObjectPermissionsModelAdmin):
    """The key is shown once, in the message after creation; only its prefix and a hash are stored."""

    form = ApiTokenForm
    list_display = ["prefix", "client", "created_by", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        if obj is None:
            return []
        return ["client", "prefix", "created_by", "created_at", "expires_at", "revoked_at", "last_used_at"]

    def get_fields(self, request: HttpRequest, obj=None):
        return ["client", "days"] if obj is None else self.get_readonly_fields(request, obj)

    def save_model(self, request: HttpRequest, obj, form, change) -> None:
        try:
            token, key = services.issue_token(
                form.cleaned_data["client"], by=request.user, days=form.cleaned_data["days"]
            )
        except ValueError as refused:
            request._token_refused = str(refused)
            return
        obj.pk = token.pk
        request._token_key = key

    def response_add(self, request: HttpRequest, obj, post_url_continue=None):
        if getattr(request, "_token_refused", None):
            self.message_user(request, request._token_refused, messages.ERROR)
        else:
            self.message_user(
                request,
                _("API-sleutel (alleen nu zichtbaar, bewaar hem veilig): %(key)s") % {"key": request._token_key},
                messages.WARNING,
            )
        return self.response_post_save_add(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("leden.revoke_apitoken")

    @admin.action(description=_("Geselecteerde API-sleutels intrekken"), permissions=["revoke"])
    def revoke(self, request: HttpRequest, queryset) -> None:
        for token in queryset:
            services.revoke_token(token)
        self.message_user(request, _("Ingetrokken."))


class DeviceAdmin(admin.ModelAdmin):
    """Second-factor devices are listed (and can be removed when one is lost), never with their secrets."""

    list_display = ["user", "name", "confirmed"]
    fields = ["user", "name", "confirmed"]
    readonly_fields = ["user", "name", "confirmed"]
    search_fields = ["user__username"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
    admin.site.register(device_model, DeviceAdmin)
