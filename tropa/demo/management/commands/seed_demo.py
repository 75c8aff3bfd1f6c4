"""`manage.py seed_demo`: create the demo world through the real services; running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tropa.accounts import selectors as account_selectors
from tropa.accounts import services as account_services
from tropa.demo.analytics_seed import seed_analytics
from tropa.demo.assistant_seed import seed_assistant
from tropa.demo.careers_seed import seed_careers
from tropa.demo.community_seed import seed_community
from tropa.demo.course_seed import seed_courses
from tropa.demo.gamification_seed import seed_gamification
from tropa.demo.messaging_seed import seed_ama, seed_mentorship, seed_messaging
from tropa.demo.projects_seed import seed_projects
from tropa.demo.roadmaps_seed import seed_roadmaps
from tropa.demo.world import DEMO_PASSWORD, GUARDIANS, ORGANIZATIONS, PEOPLE, STUDENT_PEOPLE, STUDENTS
from tropa.organizations import selectors as org_selectors
from tropa.organizations import services as org_services


class Command(BaseCommand):
    help = "Create demo organizations and users of every role (idempotent) and print their logins."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="do not print the login table")

    def handle(self, *args, quiet_logins=False, **options):
        with transaction.atomic():
            created = self._seed()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo world: created {created} object(s)."))
        else:
            self.stdout.write("Demo world already present; nothing to do.")
        if not quiet_logins:
            self._print_logins()

    def _seed(self) -> int:
        created = 0
        users = {}
        for person in [*PEOPLE, *STUDENT_PEOPLE]:
            user = account_selectors.user_find_by_email(email=person.email)
            if user is None:
                user = account_services.user_create(
                    email=person.email,
                    password=DEMO_PASSWORD,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    language=person.language,
                    is_minor=person.is_minor,
                    email_verified=True,
                    is_staff=person.is_staff,
                    is_superuser=person.is_staff,
                )
                if person.headline or person.city or person.skills:
                    account_services.profile_update(
                        actor=user,
                        first_name=person.first_name,
                        last_name=person.last_name,
                        headline=person.headline,
                        city=person.city,
                        about="",
                        skills=list(person.skills),
                        links=[],
                        visibility="private" if person.is_minor else "platform",
                    )
                created += 1
            users[person.email] = user

        organizations = {}
        for spec in ORGANIZATIONS:
            owner = users[spec.owner]
            membership = next(
                (m for m in org_selectors.organization_list_for_user(user=owner) if m.organization.name == spec.name),
                None,
            )
            if membership is None:
                organization = org_services.organization_create(
                    actor=owner,
                    name=spec.name,
                    kind=spec.kind,
                    description=spec.description,
                    website=spec.website,
                    city=spec.city,
                )
                created += 1
            else:
                organization = membership.organization
            organizations[spec.slug] = organization
            present = {m.user_id for m in org_selectors.member_list(organization=organization)}
            for email, role in spec.members.items():
                member = users[email]
                if member.pk in present:
                    continue
                # The same path as a real team: an invitation, accepted by the person it names.
                invitation = org_services.invitation_create(
                    actor=owner, organization=organization, email=email, role=role
                )
                org_services.invitation_accept(actor=member, invitation_id=invitation.pk)
                created += 1

        for guardian_email, child_email, school in GUARDIANS:
            guardian, child = users[guardian_email], users[child_email]
            if any(c.pk == child.pk for c in org_selectors.children_for_guardian(guardian=guardian)):
                continue
            link = org_services.guardian_link_request(actor=guardian, child_email=child_email, relation="mother")
            school_org = organizations[school]
            confirmer = next(users[e] for e, r in _members(school) if r in {"admin", "owner"})
            org_services.guardian_link_confirm(actor=confirmer, link_id=link.pk, organization=school_org)
            created += 1
        created += seed_courses(users=users, organizations=organizations)
        created += seed_projects(users=users)
        created += seed_analytics(users=users, organizations=organizations)
        created += seed_messaging(users=users) + seed_mentorship(users=users) + seed_ama(users=users)
        created += seed_community(users=users)
        created += seed_careers(users=users)
        created += seed_assistant(users=users)
        created += seed_roadmaps(users=users)
        # Last: it replays the learning and project events of the demo into XP, badges and streaks.
        return created + seed_gamification(users=users)

    def _print_logins(self) -> None:
        width = max(len(p.email) for p in PEOPLE)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        for person in PEOPLE:
            self.stdout.write(f"  {person.email.ljust(width)}  {person.note}")
        self.stdout.write(f"  {STUDENTS[0]} … {STUDENTS[-1].split('@')[0]}  {STUDENT_PEOPLE[0].note}")
        self.stdout.write("")


def _members(slug: str):
    spec = next(o for o in ORGANIZATIONS if o.slug == slug)
    return [(spec.owner, "owner"), *spec.members.items()]
