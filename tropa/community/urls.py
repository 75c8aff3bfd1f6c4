"""URL routes of the community app (under /community/)."""

from django.urls import path

from tropa.community.views import digest, feed, forum, manage, moderation, people

app_name = "community"

urlpatterns = [
    path("", forum.index, name="index"),
    path("search/", forum.search, name="search"),
    path("moderation/", moderation.queue, name="moderation"),
    path("feed/", feed.feed, name="feed"),
    path("feed/privacy/", feed.feed_privacy, name="feed_privacy"),
    path("feed/digest/", digest.digest, name="digest"),
    path("digest/unsubscribe/<str:token>/", digest.digest_unsubscribe, name="digest_unsubscribe"),
    path("people/<int:user_id>/follow/", feed.person_follow, name="person_follow"),
    path("authors/<int:author_id>/", people.author, name="author"),
    path("authors/<int:author_id>/follow/", people.author_follow, name="author_follow"),
    path("courses/<slug:course_slug>/", people.course, name="course"),
    path("courses/<slug:course_slug>/follow/", people.course_follow, name="course_follow"),
    path("manage/categories/", manage.categories, name="manage_categories"),
    path("manage/categories/new/", manage.category_new, name="category_new"),
    path("manage/categories/<slug:slug>/", manage.category_edit, name="category_edit"),
    path("c/<slug:slug>/", forum.category, name="category"),
    path("c/<slug:slug>/new/", forum.topic_new, name="topic_new"),
    path("c/<slug:slug>/follow/", forum.category_follow, name="category_follow"),
    path("c/<slug:slug>/draft/", forum.category_draft, name="category_draft"),
    path("t/<int:topic_id>/", forum.topic, name="topic"),
    path("t/<int:topic_id>/follow/", forum.topic_follow, name="topic_follow"),
    path("t/<int:topic_id>/draft/", forum.topic_draft, name="topic_draft"),
    path("t/<int:topic_id>/moderate/", moderation.topic_moderate, name="topic_moderate"),
    path("p/<int:post_id>/edit/", forum.post_edit, name="post_edit"),
    path("p/<int:post_id>/like/", forum.post_like, name="post_like"),
    path("p/<int:post_id>/solution/", forum.post_solution, name="post_solution"),
    path("p/<int:post_id>/flag/", forum.post_flag, name="post_flag"),
    path("p/<int:post_id>/hide/", moderation.post_hide, name="post_hide"),
    path("flags/<int:flag_id>/dismiss/", moderation.flag_dismiss, name="flag_dismiss"),
]
