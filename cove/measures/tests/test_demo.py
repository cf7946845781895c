from __future__ import annotations

from cove.measures.demo import populate
from cove.measures.models import MeasureResponse
from cove.measures.public import measure_history


def test_demo_gives_the_survivor_a_few_past_answers_and_no_one_else(survivor, other_survivor):
    populate(survivor.vault(), "survivor")
    populate(other_survivor.vault(), "partner")
    history = measure_history(survivor.vault())
    assert [h.instrument for h in history] == ["pcl5", "phq9", "gad7", "pcl5", "phq9"]
    assert history[0].authored_at < history[-1].authored_at
    later_pcl5 = [r for r in MeasureResponse.objects.owned_by(survivor.vault())
                  if r.instrument_id == "pcl5"]
    changes = [r.stored_result["change"] for r in later_pcl5]
    # Hand-computed: 30 eight weeks ago, 22 four weeks ago: 8 lower, a response.
    assert sorted(r.stored_result["total"] for r in later_pcl5) == [22, 30]
    assert [(c["previous_total"], c["difference"], c["response"], c["clinically_meaningful"])
            for c in changes if c] == [(30, -8, True, False)]
    assert not MeasureResponse.objects.filter(owner=other_survivor.user).exists()
