"""Before stage 1: the analyst's next report, from a new period's params to a reviewed text.

``scaffold`` writes ``params/<year>/<period>.yaml`` from the closest earlier
report's params (``reportbook new``), listing every copied text under
``carried_over:``; ``review`` says which of them are still unreviewed and
where, so a build marks the edition as a draft and ``finalize`` refuses it.
"""
