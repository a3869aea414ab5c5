"""Province scale: many reporting bodies, one set of section notebooks, one consolidated report.

A province's Department of Home Affairs collects the CCHC reports of its
departments and district People's Committees and compiles the provincial
report. A workspace (:mod:`.workspace`) holds every body's ``data/`` and
``params/`` beside one ``workspace.yaml``; ``reportbook batch`` builds every
body x period on Dask distributed (:mod:`.batch`, each worker keeping warm
kernels across its builds, :mod:`.worker`), each edition exactly as
``reportbook build`` would; ``reportbook rollup`` (:mod:`.rollup`) reads the
archived editions, verified by their hashes, and writes the consolidated
report in the same official layout.
"""
