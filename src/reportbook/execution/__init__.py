"""Stage 4: execute the section notebooks with papermill on warm kernels, reusing unchanged ones.

``execute`` runs them, ``kernels``/``engine``/``kernelside`` keep and reset the kernel
pool, ``reads`` records what a section read, ``cache`` keys on it, ``determinism``
strips run-to-run noise.
"""
