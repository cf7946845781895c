"""Compress pages answered to GET and HEAD, never answers to forms (docs/security.md, BREACH).

A BREACH attacker needs three things in one compressed body: a secret, text they choose,
and many requests sent with the person's cookies whose sizes they can watch. Cove's pages
answered to GET reflect no free text an attacker chooses (query parameters are page
numbers and allowlisted words, checked before use); the CSRF token in a page is masked
afresh for every response, so its bytes never repeat; the session cookie is SameSite=Lax and
the CSRF cookie Strict, so another site's requests arrive signed out; and Django adds
random padding to every gzip body (Heal the BREACH). The answer to a POST can put typed
text (a form with an error) beside a secret, so it is sent as it is.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

SAFE_METHODS = frozenset({"GET", "HEAD"})
# Text compresses; sound, zips and images are compressed already, and a sound must keep
# its length so the browser can seek in it.
TEXT_TYPES = ("text/", "application/json", "application/manifest+json", "image/svg+xml",
              "application/javascript", "application/xml")


class PageCompressionMiddleware(GZipMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if request.method not in SAFE_METHODS:
            return response
        kind = response.get("Content-Type", "")
        if not kind.startswith(TEXT_TYPES) or kind.startswith("text/event-stream"):
            return response  # a live stream must reach the browser as it is written
        return super().process_response(request, response)
