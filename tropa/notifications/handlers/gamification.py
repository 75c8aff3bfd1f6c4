"""Turn gamification's events into notifications: levels, badges, battles, streak reminders and leagues.

Subscribed from NotificationsConfig.ready(); each handler runs once per event and notification_create
is idempotent per (recipient, event, kind).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tropa.activity.registry import subscribe
from tropa.gamification import events
from tropa.gamification.badges.catalog import get as badge_get
from tropa.notifications import kinds
from tropa.notifications.handlers.delivery import deliver, display_name, link


@subscribe(events.LEVEL_REACHED, name="notifications.level_reached")
def on_level_reached(event) -> None:
    level = event.payload.get("level")

    def render(recipient):
        return (
            _("Level %(level)s! Well done.") % {"level": level},
            _("You have %(xp)s XP. Keep going: the next level is closer than it looks.")
            % {"xp": event.payload.get("total_xp")},
            link("gamification:home"),
        )

    deliver(event, kinds.LEVEL_REACHED, [event.actor_id], render)


@subscribe(events.BADGE_EARNED, name="notifications.badge_earned")
def on_badge_earned(event) -> None:
    badge = badge_get(event.payload.get("badge", ""))
    if badge is None:
        return
    url = link("gamification:badge_verify", event.payload.get("award_uuid"))

    def render(recipient):
        return _("New badge: %(name)s") % {"name": badge.name}, str(badge.description), url

    deliver(event, kinds.BADGE_EARNED, [event.actor_id], render)


@subscribe(events.BATTLE_CREATED, name="notifications.battle_challenged")
def on_battle_created(event) -> None:
    opponent_id = event.payload.get("opponent_id")
    challenger = display_name(event.actor_id) if event.actor_id else ""
    url = link("gamification:battle", event.payload.get("battle_id"))

    def render(recipient):
        return (
            _("%(name)s challenged you to a battle") % {"name": challenger},
            _("Five questions; answer within three days."),
            url,
        )

    deliver(event, kinds.BATTLE_CHALLENGED, [opponent_id], render)


@subscribe(events.BATTLE_FINISHED, name="notifications.battle_finished")
def on_battle_finished(event) -> None:
    payload = event.payload
    url = link("gamification:battle", payload.get("battle_id"))

    def render(recipient):
        values = {"score": payload.get("score"), "other": payload.get("opponent_score")}
        if payload.get("won"):
            title = _("You won the battle %(score)s:%(other)s") % values
        elif payload.get("draw"):
            title = _("The battle ended in a draw %(score)s:%(other)s") % values
        else:
            title = _("You lost the battle %(score)s:%(other)s") % values
        return title, "", url

    deliver(event, kinds.BATTLE_FINISHED, [event.actor_id], render)


@subscribe(events.STREAK_AT_RISK, name="notifications.streak_at_risk")
def on_streak_at_risk(event) -> None:
    def render(recipient):
        return (
            _("Your %(days)s-day streak ends tonight") % {"days": event.payload.get("days")},
            _("One step of a course or today's challenge keeps it going."),
            link("gamification:daily"),
        )

    deliver(event, kinds.STREAK_AT_RISK, [event.actor_id], render)


@subscribe(events.LEAGUE_PROMOTED, events.LEAGUE_RELEGATED, name="notifications.league_moved")
def on_league_moved(event) -> None:
    promoted = event.verb == events.LEAGUE_PROMOTED

    def render(recipient):
        values = {"tier": event.payload.get("tier")}
        if promoted:
            return _("Promoted to tier %(tier)s of the leagues!") % values, "", link("gamification:home")
        return _("You moved down to tier %(tier)s of the leagues") % values, "", link("gamification:home")

    deliver(event, kinds.LEAGUE_MOVED, [event.actor_id], render)
