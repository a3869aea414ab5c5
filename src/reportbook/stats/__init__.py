"""Stage 3: the report's statistics, each a pure function of loaded records and a window.

``dossiers`` (form Biểu 06), ``services``, ``civil_service``, ``tasks``, ``documents``;
``fastio`` computes the dossier statistics over province-scale files.
"""
