"""cove serve picks workers and threads from the machine, within Argon2's memory needs."""

from cove.core.serving import ARGON2_MIB, BASE_MIB, THREADS, argon2_slots, machine_defaults


def test_two_workers_per_cpu_and_two_more_when_memory_allows():
    assert machine_defaults(cpus=8, mem_mib=64_000) == (18, THREADS)


def test_four_workers_on_a_one_cpu_machine_with_room():
    assert machine_defaults(cpus=1, mem_mib=8_000) == (4, THREADS)


def test_fewer_workers_when_memory_is_short():
    per_worker = BASE_MIB + ARGON2_MIB  # one Argon2id run per worker: a CPU each
    workers, _threads = machine_defaults(cpus=16, mem_mib=2 * 3 * per_worker)
    assert workers == 3


def test_never_fewer_than_one_worker():
    assert machine_defaults(cpus=4, mem_mib=256)[0] == 1


def test_a_worker_runs_argon2_on_its_share_of_the_cpus():
    assert argon2_slots(256, workers=2, cpus=8) == 4


def test_a_worker_runs_argon2_within_its_memory_budget():
    assert argon2_slots(128, workers=1, cpus=8) == 2


def test_a_worker_runs_at_least_one_argon2():
    assert argon2_slots(10, workers=4, cpus=2) == 1
