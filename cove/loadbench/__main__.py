import sys

if sys.argv[1:2] == ["seed"]:
    from cove.loadbench.seed import main as seed_main

    raise SystemExit(seed_main(sys.argv[2], int(sys.argv[3])))
if sys.argv[1:2] == ["profile"]:
    from cove.loadbench.profile import main as profile_main

    raise SystemExit(profile_main(sys.argv[2:]))

import os

if int(os.environ.get("COVE_LOAD_NODES", "1")) > 1:  # make load-nodes
    from cove.loadbench.nodes import main as nodes_main

    raise SystemExit(nodes_main())

from cove.loadbench.run import main

raise SystemExit(main(sys.argv[1:]))
