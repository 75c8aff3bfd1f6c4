"""Models of the community app: forum categories, topics, posts, reactions, follows, read state, drafts, moderation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class CategoryKind(models.TextChoices):
    PUBLIC = "public", _("Public")
    DIRECTION = "direction", _("Direction")
    COURSE = "course", _("Course")
    COHORT = "cohort", _("Cohort")
    ALUMNI = "alumni", _("Alumni")


class Category(TimeStampedModel):
    """Where topics live. Who sees a category follows from its kind (see selectors.visible_categories)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=CategoryKind.choices, default=CategoryKind.PUBLIC)
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    direction = models.ForeignKey(
        "courses.Direction", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    cohort = models.ForeignKey("courses.Cohort", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name


class TopicKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    FEEDBACK = "feedback", _("Feedback request")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(TimeStampedModel):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="topics")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_topics")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=TopicKind.choices, default=TopicKind.DISCUSSION)
    # A feedback request points at the work: a project is referenced by URL (the projects app is not imported).
    work_url = models.URLField(_("link to the work"), blank=True)
    step = models.ForeignKey("courses.Step", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    tags = models.ManyToManyField(Tag, blank=True, related_name="topics")
    solution = models.ForeignKey("Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_closed = models.BooleanField(_("closed"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    slow_mode_seconds = models.PositiveIntegerField(_("slow mode, seconds between posts"), default=0)
    post_count = models.PositiveIntegerField(default=0)
    last_posted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # A merged topic keeps its address: its posts live on in `merged_into`, and its page redirects there.
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-last_posted_at"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [models.Index(fields=["category", "-last_posted_at"], name="topic_category_recent")]

    def __str__(self) -> str:
        return self.title


class Post(TimeStampedModel):
    """A message in a topic; number 1 is the opening post."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_posts")
    number = models.PositiveIntegerField()
    body = models.TextField(_("text"))
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_alumni = models.BooleanField(_("written by an alumnus"), default=False)
    is_helpful = models.BooleanField(_("marked helpful"), default=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_reason = models.CharField(_("reason for the edit"), max_length=200, blank=True)
    like_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["topic", "number"], name="post_number_once")]

    def __str__(self) -> str:
        return f"{self.topic_id}#{self.number}"


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="reaction_once")]

    def __str__(self) -> str:
        return f"{self.user_id} likes {self.post_id}"


class FollowTarget(models.TextChoices):
    TOPIC = "topic", _("Topic")
    CATEGORY = "category", _("Category")
    USER = "user", _("Person")
    COURSE = "course", _("Course")
    ORGANIZATION = "organization", _("School or company")


class Follow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows")
    target = models.CharField(max_length=12, choices=FollowTarget.choices)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    followed_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="forum_followers"
    )
    # Following a course or a school/company: its news and its learners' (shared) achievements reach the feed.
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="follow_topic_once"),
            models.UniqueConstraint(fields=["user", "category"], name="follow_category_once"),
            models.UniqueConstraint(fields=["user", "followed_user"], name="follow_user_once"),
            models.UniqueConstraint(fields=["user", "course"], name="follow_course_once"),
            models.UniqueConstraint(fields=["user", "organization"], name="follow_organization_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.target}"


class ReadState(models.Model):
    """How far a user has read a topic: posts with a higher number are new to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="read_state_once")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.topic_id} to {self.last_read_number}"


class Draft(models.Model):
    """What a user is typing, kept by htmx autosave: one per (user, topic) for replies, one per category for topics."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="draft_topic_once"),
            models.UniqueConstraint(fields=["user", "category"], name="draft_category_once"),
        ]

    def __str__(self) -> str:
        return f"draft of {self.user_id}"


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Flag(TimeStampedModel):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    status = models.CharField(max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="flag_once")]


class ModerationKind(models.TextChoices):
    HIDE_POST = "hide_post", _("Hid a post")
    EDIT_POST = "edit_post", _("Edited a post")
    CLOSE_TOPIC = "close_topic", _("Closed a topic")
    OPEN_TOPIC = "open_topic", _("Reopened a topic")
    HIDE_TOPIC = "hide_topic", _("Hid a topic")
    MOVE_TOPIC = "move_topic", _("Moved a topic")
    MERGE_TOPIC = "merge_topic", _("Merged a topic into another")
    SLOW_MODE = "slow_mode", _("Set slow mode")
    DISMISS_FLAG = "dismiss_flag", _("Dismissed a flag")
    WARN = "warn", _("Warned a person")
    SUSPEND = "suspend", _("Suspended a person")


class ModerationAction(models.Model):
    """The log: every moderator action, with its reason."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=16, choices=ModerationKind.choices)
    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.reason}"


class Suspension(models.Model):
    """A user may not post until `until` (platform-wide in the forum)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    until = models.DateTimeField()
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user_id} until {self.until}"


class FeedItem(models.Model):
    """Something a person did, copied from an activity event for the feeds of those who follow them."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    event_id = models.BigIntegerField(unique=True)
    verb = models.CharField(max_length=64)
    label = models.CharField(max_length=200)  # the course or topic title at the time
    url = models.CharField(max_length=300, blank=True)
    is_forum = models.BooleanField(default=False)
    # The course and school the event concerns: followers of those see the item too (as the actor allows).
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.verb}"


class FeedPrivacy(models.Model):
    """What of a person's activity appears in others' feeds (both on unless they turn them off)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_privacy")
    share_learning = models.BooleanField(_("show my finished courses, certificates, badges and projects"), default=True)
    share_forum = models.BooleanField(_("show my new forum topics"), default=True)

    def __str__(self) -> str:
        return f"feed privacy of {self.user_id}"


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class DigestSubscription(models.Model):
    """An opt-in email digest of what is new in what the user follows; no row means no digest."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_digest")
    frequency = models.CharField(_("how often"), max_length=8, choices=DigestFrequency.choices)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.frequency} digest of {self.user_id}"
