"""The load benchmark's floor pages exist only on the benchmark's own server."""

import pytest


@pytest.mark.django_db
def test_floor_pages_are_not_routed_unless_the_benchmark_turns_them_on(anonymous):
    assert anonymous.get("/load/floor/").status_code == 404
