"""The together app's actions, split by feature (the one place that writes).

Views and the API call these modules: agreements, wishes, practice and rituals.
"""

from cove.together import agreements, practice, rituals, wishes

__all__ = ["agreements", "practice", "rituals", "wishes"]
