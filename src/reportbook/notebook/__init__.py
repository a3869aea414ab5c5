"""What section notebooks call: the report object, the blocks they display, and their formatting.

``report`` (one report's period, params and data), ``blocks`` (HTML plus structured
content), ``tables`` and ``charts``, ``texts`` (sandboxed templates), ``formatting``
(Vietnamese numbers and dates).
"""
