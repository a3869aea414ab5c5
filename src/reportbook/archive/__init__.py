"""Stage 7: record and publish an edition under outputs/<year>/<period>/, and check it later.

``manifest`` records inputs, versions and outputs; ``edition`` stages and swaps an
edition in atomically (``lock`` keeps one build per edition); ``verify`` re-runs and compares.
"""
