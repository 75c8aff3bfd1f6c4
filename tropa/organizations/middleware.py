"""Attach `request.org`: the signed-in user's memberships and active organization, loaded on first use."""

from django.utils.functional import cached_property

SESSION_KEY = "active_organization_id"


class OrganizationContext:
    def __init__(self, request):
        self._request = request

    @cached_property
    def memberships(self) -> list:
        from tropa.organizations.selectors import membership_list_for_user

        user = self._request.user
        return list(membership_list_for_user(user=user)) if user.is_authenticated else []

    @cached_property
    def active(self):
        """The membership the user is working in now: the one chosen in the session, else the first team one."""
        active_id = self._request.session.get(SESSION_KEY)
        chosen = next((m for m in self.memberships if m.organization_id == active_id), None)
        if chosen is not None:
            return chosen
        return next((m for m in self.memberships if m.role != "learner"), None)

    @property
    def team_memberships(self) -> list:
        return [m for m in self.memberships if m.role != "learner"]


class ActiveOrganizationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.org = OrganizationContext(request)
        return self.get_response(request)
