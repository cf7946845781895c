from django.urls import include, path

from cove.accounts.urls import vault_urlpatterns
from cove.api import urls as api_urls

urlpatterns = [
    path("", include("cove.core.urls")),
    path("help/", include("cove.help.urls")),
    path("account/presence/", include("cove.accounts.presence_urls")),
    path("account/", include("cove.accounts.urls")),
    path("vault/access/", include("cove.audit.urls")),
    path("vault/repair/", include("cove.vault.urls")),
    path("vault/", include((vault_urlpatterns, "vault"))),
    path("", include("cove.grounding.root_urls")),
    path("plan/", include("cove.safety.urls")),
    path("grounding/", include("cove.grounding.urls")),
    path("learn/", include("cove.learn.urls")),
    path("boundaries/", include("cove.boundaries.urls")),
    path("ladder/", include("cove.ladder.urls")),
    path("journal/", include("cove.journal.urls")),
    path("questionnaires/", include("cove.measures.urls")),
    path("progress/", include("cove.progress.urls")),
    path("voice/", include("cove.voice.urls")),
    path("clinic/", include("cove.clinic.urls")),
    path("partners/together/", include("cove.together.urls")),
    path("partners/", include("cove.partners.urls")),
    path("api/v1/", api_urls()),
]

handler400 = "cove.core.views.bad_request"
handler403 = "cove.core.views.permission_denied"
handler404 = "cove.core.views.not_found"
handler500 = "cove.core.views.server_error"
