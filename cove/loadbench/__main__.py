import sys

if sys.argv[1:2] == ["seed"]:
    from cove.loadbench.seed import main as seed_main

    raise SystemExit(seed_main(sys.argv[2], int(sys.argv[3])))

from cove.loadbench.run import main

raise SystemExit(main(sys.argv[1:]))
