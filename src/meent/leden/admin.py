from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from rules.contrib.admin import ObjectPermissionsModelAdmin

from meent.leden.models import (
    Account,
    Gemeente,
    Membership,
    Organisation,
    Person,
    Population,
    Province,
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
    fieldsets = (*UserAdmin.fieldsets, ("Meent", {"fields": ("organisation", "person")}))
    list_display = ["username", "email", "organisation", "is_active"]
    list_filter = ["groups", "is_active"]
    autocomplete_fields = ["organisation", "person"]
