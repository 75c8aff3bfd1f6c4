from django.urls import path

from tropa.accounts import views, views_personal_data

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("settings/", views.settings_index, name="settings"),
    path("settings/data/", views_personal_data.personal_data, name="personal_data"),
    path("settings/data/export/", views_personal_data.data_export_request, name="data_export"),
    path(
        "settings/data/export/<int:export_id>/download/",
        views_personal_data.data_export_download,
        name="data_export_download",
    ),
    path("settings/data/delete/", views_personal_data.account_delete, name="account_delete"),
    path("language/", views.language_set, name="language"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("people/<int:user_id>/", views.profile_detail, name="profile_detail"),
]
