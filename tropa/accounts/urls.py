from django.urls import path

from tropa.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("settings/", views.settings_index, name="settings"),
    path("language/", views.language_set, name="language"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("people/<int:user_id>/", views.profile_detail, name="profile_detail"),
]
