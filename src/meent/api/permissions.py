from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class DenyByDefault(BasePermission):
    """Allows a request only when the view names a rule for the action and the caller passes it.

    Views set ``permission_rules = {"list": "app.view_x", "create": "app.add_x", ...}`` (keys are DRF actions
    or HTTP methods in lower case, ``"*"`` for all). A view or action without a rule is closed.
    """

    message = "U heeft geen toegang tot deze gegevens."

    def _rule(self, request, view) -> str | None:
        rules_map: dict[str, str] = getattr(view, "permission_rules", {})
        action = getattr(view, "action", None)
        return rules_map.get(action or "") or rules_map.get(request.method.lower()) or rules_map.get("*")

    def has_permission(self, request: Request, view) -> bool:
        rule = self._rule(request, view)
        if rule is None:
            return False
        # Object-level rules are checked again in has_object_permission; here only "could this caller ever".
        if getattr(view, "object_level_rules", False) and getattr(view, "action", None) not in ("list", "create"):
            return request.user.has_perm(rule) or request.user.is_authenticated
        return request.user.has_perm(rule)

    def has_object_permission(self, request: Request, view, obj) -> bool:
        rule = self._rule(request, view)
        return rule is not None and request.user.has_perm(rule, obj)
