"""The load benchmark (`make load`): Cove under real parallel traffic, page by page.

See docs/performance.md. `python -m cove.loadbench` starts `cove serve` on a database of
its own, gives two people a history (two years, one week; cove.loadbench.seed), and drives
each page with wrk at 1, 10 and 50 connections. Nothing here runs in the test suite.
"""
