from django.urls import path

from cove.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("recover/", views.recover, name="recover"),
    path("settings/", views.settings_view, name="settings"),
    path("sessions/", views.sessions_view, name="sessions"),
    path("activity/", views.activity, name="activity"),
    path("passphrase/", views.change_passphrase, name="change_passphrase"),
    path("recovery-code/", views.renew_recovery_code, name="renew_recovery_code"),
    path("delete/", views.delete_account, name="delete"),
]

# The pages about a person's keys ("your vault"), at /vault/ under the "vault" namespace.
# They are credential flows, so they live here; the vault app itself stays below accounts.
vault_urlpatterns = [
    path("unlock/", views.unlock, name="unlock"),
    path("download/", views.export, name="export"),
    path("emergency-reset/", views.emergency_reset, name="emergency_reset"),
]
